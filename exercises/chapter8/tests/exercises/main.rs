//! The tests of chapter 8. Run them with `cargo test -p chapter8`.
//!
//! Each module checks one drill. A failing test names the exercise and the book page to read;
//! a snapshot that does not match shows the expected lines (`-`) against yours (`+`). The
//! snapshots are the answer key: change your code, not the `.snap` files.
//!
//! The drills run on real threads, started in many orders (see `start_orders`), so that a
//! solution which only works when the threads happen to arrive in a lucky order fails. The small
//! drills are also checked under every interleaving with loom:
//! `cargo test -p chapter8 --features loom` (those tests run only with the feature).

mod start_orders;

#[cfg(not(feature = "loom"))]
mod ex01_in_order;
#[cfg(not(feature = "loom"))]
mod ex02_foo_bar;
#[cfg(not(feature = "loom"))]
mod ex03_zero_even_odd;
#[cfg(not(feature = "loom"))]
mod ex04_h2o;
#[cfg(not(feature = "loom"))]
mod ex05_fizz_buzz;
#[cfg(not(feature = "loom"))]
mod ex06_dining_philosophers;
#[cfg(not(feature = "loom"))]
mod ex07_bounded_queue;
#[cfg(not(feature = "loom"))]
mod ex08_thread_pool;
#[cfg(not(feature = "loom"))]
mod ex09_crawler;

#[cfg(feature = "loom")]
mod loom_models;
