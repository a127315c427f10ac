//! Chapter 2 of *The GIL, Hands-On*: reference counts, CPython's switching rules, and where the
//! GIL is released. Reference solutions.

/// Provided: std's locks, atomics and threads, which turn into loom's inside the tests' loom
/// model (exercise 2.1), so one `use crate::sync::...` serves both.
pub use support::sync;

/// The provided code: the exercise crate's own files, so that there is one copy.
#[path = "../../../exercises/chapter2/src/provided/mod.rs"]
pub mod provided;

#[path = "01_refcounts.rs"]
pub mod refcounts;
#[path = "02_rc_vs_arc.rs"]
pub mod rc_vs_arc;
#[path = "03_tick_gil.rs"]
pub mod tick_gil;
#[path = "04_interval_gil.rs"]
pub mod interval_gil;
#[path = "05_release.rs"]
pub mod release;

/// Not an exercise: the scenarios behind the book's pictures.
pub mod pictures;
