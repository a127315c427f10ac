//! Chapter 3 of *The GIL, Hands-On*: the impact of a GIL on CPU-bound and I/O-bound work.
//!
//! Work through the files in order. Each one starts with what to build and the book page that
//! explains it; `cargo test -p chapter3` checks your work, and
//! `cargo run --release -p chapter3-solution --example impact` measures the real thing.
//!
//! | file | exercise | book page |
//! |---|---|---|
//! | `01_sum_of_squares.rs` | 3.1 The CPU-bound task | `src/ch03/01-cpu-bound-task.md` |
//! | `02_lock_or_free.rs` | 3.2 One lock or free threads | `src/ch03/02-lock-or-free.md` |
//! | `03_rayon.rs` | 3.3 The same with rayon | `src/ch03/03-rayon.md` |
//! | `04_requests.rs` | 3.4 Waiting for the network | `src/ch03/04-requests.md` |
//! | `05_amdahl.rs` | 3.5 Amdahl's law | `src/ch03/05-amdahl.md` |
//! | `06_mixed_work.rs` | 3.6 Mixed work | `src/ch03/06-mixed-work.md` |

// The starter code leaves parameters unused until you fill in the `todo!()`s.
// The imports are there for your solution to use.
#![allow(unused_variables, dead_code, unused_imports)]

/// Provided code, complete: helpers the exercises use (read them, do not change them).
pub mod provided;

// The exercise files, in book order (the list is in `modules.rs`, shared with the solutions).
#[macro_use]
mod modules;
exercise_modules!();

// The tests: one file per exercise in tests/exercises/, compiled into this crate as its unit
// tests (after an edit, one crate to compile instead of two). They call this crate `chapter3`,
// as code outside it would.
#[cfg(test)]
extern crate self as chapter3;
#[cfg(test)]
#[path = "../tests/exercises/main.rs"]
mod exercises;
