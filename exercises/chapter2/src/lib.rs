//! Chapter 2 of *The GIL, Hands-On*: reference counts, CPython's switching rules, and where the
//! GIL is released.
//!
//! Work through the files in order. Each one starts with what to build and the book page that
//! explains it; `cargo test -p chapter2` checks your work, exercise 2.1 under every interleaving
//! of its threads (with loom).
//!
//! | file | exercise | book page |
//! |---|---|---|
//! | `01_refcounts.rs` | 2.1 Reference counts three ways | `src/ch02/01-refcounts.md` |
//! | `02_rc_vs_arc.rs` | 2.2 `Rc` vs `Arc` | `src/ch02/02-rc-vs-arc.md` |
//! | `03_tick_gil.rs` | 2.3 The GIL before Python 3.2 | `src/ch02/03-tick-gil.md` |
//! | `04_interval_gil.rs` | 2.4 The GIL since Python 3.2 | `src/ch02/04-interval-gil.md` |
//! | `05_release.rs` | 2.5 Releasing the GIL around blocking work | `src/ch02/05-release.md` |

// The starter code leaves parameters and imports unused until you fill in the `todo!()`s.
#![allow(unused_variables, unused_imports, dead_code)]

/// Provided: std's locks, atomics and threads, which turn into loom's inside the tests' loom
/// model (exercise 2.1), so one `use crate::sync::...` serves both.
pub use support::sync;

/// Provided code, complete: the types the exercises fill in (read them, do not change them).
pub mod provided;

// The exercise files, in book order (the list is in `modules.rs`, shared with the solutions).
#[macro_use]
mod modules;
exercise_modules!();

// The tests: one file per exercise in tests/exercises/, compiled into this crate as its unit
// tests (after an edit, one crate to compile instead of two). They call this crate `chapter2`,
// as code outside it would.
#[cfg(test)]
extern crate self as chapter2;
#[cfg(test)]
#[path = "../tests/exercises/main.rs"]
mod exercises;
