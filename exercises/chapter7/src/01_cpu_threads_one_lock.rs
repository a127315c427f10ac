//! Exercise 7.1: threads for CPU work that all need one lock.
//! Book: src/ch07/01-cpu-threads-one-lock.md
//! Starter code: runs, with a mistake to find.
//!
//! Find and fix. `sum_of_squares` splits the numbers across threads (`on_threads`, provided in
//! `provided/cpu_threads_one_lock.rs`, runs the closure on each thread's part), yet the work
//! takes as long as on one thread. This is what Python threads do with CPU-bound work under the
//! GIL, made here by hand in Rust.
//!
//! The test counts how many threads are inside `square` at once and which threads computed, and
//! checks the sum, on the answer key's numbers and on others. It cannot see how fast your code
//! is: chapter 3's examples measure that.

use std::sync::Mutex;

use crate::provided::cpu_threads_one_lock::on_threads;

/// Adds up `square(n)` for every `n` in `numbers`, on `threads` threads.
pub fn sum_of_squares(numbers: &[u64], threads: usize, square: impl Fn(u64) -> u64 + Sync) -> u64 {
    let total = Mutex::new(0);
    on_threads(numbers, threads, |chunk| {
        let mut total = total.lock().unwrap();
        for &n in chunk {
            *total += square(n);
        }
    });
    total.into_inner().unwrap()
}
