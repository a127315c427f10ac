//! Chapter 1 of *The GIL, Hands-On*: what the GIL is and why it matters.
//!
//! Work through the files in order. Each one starts with what to build and the book page that
//! explains it; `cargo test -p chapter1` checks your work.
//!
//! | file | exercise | book page |
//! |---|---|---|
//! | `01_global_lock.rs` | 1.1 A global interpreter lock | `src/ch01/01-global-lock.md` |
//! | `02_one_at_a_time.rs` | 1.2 Bytecode, one thread at a time | `src/ch01/02-one-at-a-time.md` |
//! | `03_taking_turns.rs` | 1.3 Taking turns | `src/ch01/03-taking-turns.md` |
//! | `04_three_models.rs` | 1.4 Three ways to run the same work | `src/ch01/04-three-models.md` |

// The starter code leaves parameters unused until you fill in the `todo!()`s.
#![allow(unused_variables, dead_code)]

/// Provided: std's `Mutex` and `Condvar` with one twist for the tests: `wait` sometimes returns
/// without a notification, as the standard library allows (see exercise 1.1).
pub use support::sync;

/// Provided code, complete: the types the exercises fill in (read them, do not change them).
pub mod provided;

// The exercise files, in book order (the list is in `modules.rs`, shared with the solutions).
#[macro_use]
mod modules;
exercise_modules!();

// The tests: one file per exercise in tests/exercises/, compiled into this crate as its unit
// tests (after an edit, one crate to compile instead of two). They call this crate `chapter1`,
// as code outside it would.
#[cfg(test)]
extern crate self as chapter1;
#[cfg(test)]
#[path = "../tests/exercises/main.rs"]
mod exercises;
