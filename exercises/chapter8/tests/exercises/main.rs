//! The tests of chapter 8. Run them with `cargo test -p chapter8`.
//!
//! Each module checks one drill. A failing test names the exercise and the book page to read;
//! a snapshot that does not match shows the expected lines (`-`) against yours (`+`). The
//! snapshots are the answer key: change your code, not the `.snap` files.
//!
//! The drills run on real threads, started in many orders and all at once (see `start_orders`),
//! so that a solution which only works when the threads happen to arrive in a lucky order fails.
//! The drills with shared state (8.1 to 8.8) are also checked under every interleaving of a small
//! run with loom (see `every_interleaving`).

mod every_interleaving;
mod start_orders;

mod ex01_in_order;
mod ex02_foo_bar;
mod ex03_zero_even_odd;
mod ex04_h2o;
mod ex05_fizz_buzz;
mod ex06_dining_philosophers;
mod ex07_bounded_queue;
mod ex08_thread_pool;
mod ex09_crawler;
