//! Chapter 8 of *The GIL, Hands-On*: classic concurrency drills for interviews.
//!
//! Each drill is a problem interviewers ask, sized for 15-45 minutes. The book page of each
//! drill (under `src/ch08/`) gives the problem, a hint and a walkthrough; `cargo test -p chapter8`
//! checks your work on real threads in many start orders, and the drills with shared state
//! (8.1 to 8.8) under every interleaving of a small run, with loom.
//!
//! | file | exercise | book page |
//! |---|---|---|
//! | `01_in_order.rs` | 8.1 Print in order | `src/ch08/01-in-order.md` |
//! | `02_foo_bar.rs` | 8.2 Foo and bar, alternately | `src/ch08/02-foo-bar.md` |
//! | `03_zero_even_odd.rs` | 8.3 Zero, even, odd | `src/ch08/03-zero-even-odd.md` |
//! | `04_h2o.rs` | 8.4 Building H2O | `src/ch08/04-h2o.md` |
//! | `05_fizz_buzz.rs` | 8.5 FizzBuzz on four threads | `src/ch08/05-fizz-buzz.md` |
//! | `06_dining_philosophers.rs` | 8.6 The dining philosophers | `src/ch08/06-dining-philosophers.md` |
//! | `07_bounded_queue.rs` | 8.7 A bounded blocking queue | `src/ch08/07-bounded-queue.md` |
//! | `08_thread_pool.rs` | 8.8 A thread pool with graceful shutdown | `src/ch08/08-thread-pool.md` |
//! | `09_crawler.rs` | 8.9 A concurrent web crawler | `src/ch08/09-crawler.md` |
//!
//! Provided: `provided/sync.rs`, the `Mutex` and `Condvar` the drills use (std's, with spurious
//! wake-ups on a fixed schedule), and `provided/under_loom.rs`, which compiles drills 8.1 to 8.8
//! a second time against loom's types, so that one solution runs under both.

// The starter code leaves parameters unused until you fill in the `todo!()`s.
#![allow(unused_variables, dead_code)]

pub mod provided;
pub use provided::sync;

// The exercise files, in book order (the list is in `modules.rs`, shared with the solutions).
#[macro_use]
mod modules;
exercise_modules!();

// The tests: one file per exercise in tests/exercises/, compiled into this crate as its unit
// tests (after an edit, one crate to compile instead of two). They call this crate `chapter8`,
// as code outside it would.
#[cfg(test)]
extern crate self as chapter8;
#[cfg(test)]
#[path = "../tests/exercises/main.rs"]
mod exercises;
