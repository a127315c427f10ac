//! Chapter 7 of *The GIL, Hands-On*: common mistakes, found and fixed.
//!
//! Every file here *compiles and runs*, and every one holds one classic mistake. The tests catch
//! it and say what went wrong; your job is to find the mistake in the code and fix it. Work through the files in
//! order; `cargo test -p chapter7` checks your work.
//!
//! | file | exercise | book page |
//! |---|---|---|
//! | `01_cpu_threads_one_lock.rs` | 7.1 Threads for CPU work that all need one lock | `src/ch07/01-cpu-threads-one-lock.md` |
//! | `02_tiny_tasks.rs` | 7.2 Tasks too small for their overhead | `src/ch07/02-tiny-tasks.md` |
//! | `03_processes_for_io.rs` | 7.3 Processes where I/O concurrency was wanted | `src/ch07/03-processes-for-io.md` |
//! | `04_blocking_in_async.rs` | 7.4 A blocking call inside async code | `src/ch07/04-blocking-in-async.md` |
//! | `05_lock_across_await.rs` | 7.5 A lock held across `.await` | `src/ch07/05-lock-across-await.md` |
//! | `06_lock_order.rs` | 7.6 A lock-order deadlock | `src/ch07/06-lock-order.md` |
//! | `07_untrusted_messages.rs` | 7.7 Trusting messages from another process | `src/ch07/07-untrusted-messages.md` |
//!
//! Provided code, complete, lives in `provided/`: the threads of 7.1, the slow disk and the
//! server loop of 7.4, the cache type of 7.5, the bank accounts of 7.6 (whose locks report a
//! deadlock instead of hanging), the process pool of 7.3 and the frame types of 7.7.

// The starter code may leave parameters unused: sometimes that is the mistake.
#![allow(unused_variables, dead_code)]

/// Provided code, complete: what the exercises use and you do not change.
pub mod provided;

// The exercise files, in book order (the list is in `modules.rs`, shared with the solutions).
#[macro_use]
mod modules;
exercise_modules!();

// The tests: one file per exercise in tests/exercises/, compiled into this crate as its unit
// tests (after an edit, one crate to compile instead of two). They call this crate `chapter7`,
// as code outside it would.
#[cfg(test)]
extern crate self as chapter7;
#[cfg(test)]
#[path = "../tests/exercises/main.rs"]
mod exercises;
