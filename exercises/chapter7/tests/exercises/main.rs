//! The tests of chapter 7. Run them with `cargo test -p chapter7`.
//!
//! Every exercise file starts out holding one mistake, so every test fails at first, with a line
//! of the form `exercise 7.N: <what the test saw go wrong>. Read <the page> in the book`. Find
//! the mistake behind it and fix the code until the line is gone. The snapshots are the answer key: change your code, not
//! the `.snap` files.

mod ex01_cpu_threads_one_lock;
mod ex02_tiny_tasks;
mod ex03_processes_for_io;
mod ex04_blocking_in_async;
mod ex05_lock_across_await;
mod ex06_lock_order;
mod ex07_untrusted_messages;
