//! Chapter 6 of *The GIL, Hands-On*: choosing an approach.
//!
//! Work through the files in order. Each one starts with what to build and the book page that
//! explains it; `cargo test -p chapter6` checks your work.
//!
//! | file | exercise | book page |
//! |---|---|---|
//! | `01_classify.rs` | 6.1 Profile first: CPU time against wall time | `src/ch06/01-profile-first.md` |
//! | `02_decide.rs` | 6.2 A decision function that gives its reasons | `src/ch06/02-decide.md` |

// The starter code leaves parameters unused until you fill in the `todo!()`s.
#![allow(unused_variables, dead_code)]

/// Provided code, complete: what the exercises use and you do not change.
pub mod provided;

// The exercise files, in book order (the list is in `modules.rs`, shared with the solutions).
#[macro_use]
mod modules;
exercise_modules!();

// The tests: one file per exercise in tests/exercises/, compiled into this crate as its unit
// tests (after an edit, one crate to compile instead of two). They call this crate `chapter6`,
// as code outside it would.
#[cfg(test)]
extern crate self as chapter6;
#[cfg(test)]
#[path = "../tests/exercises/main.rs"]
mod exercises;
