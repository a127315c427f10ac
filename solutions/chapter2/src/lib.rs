//! Chapter 2 of *The GIL, Hands-On*: reference counts, CPython's switching rules, and where the
//! GIL is released. Reference solutions.

/// Provided: std's locks, atomics and threads, which turn into loom's inside the tests' loom
/// model (exercise 2.1), so one `use crate::sync::...` serves both.
pub use support::sync;

/// The provided code: the exercise crate's own files, so that there is one copy.
#[path = "../../../exercises/chapter2/src/provided/mod.rs"]
pub mod provided;

// The same module names as the exercise crate, from its one list, each the solution's own file.
#[path = "../../../exercises/chapter2/src/modules.rs"]
#[macro_use]
mod modules;
exercise_modules!();

/// Not an exercise: the scenarios behind the book's pictures.
pub mod pictures;

// The exercise crate's tests (exercises/chapter2/tests/exercises/), compiled into this crate as
// its unit tests, as they are into the exercise crate: the very same tests check the solution.
// They call this crate `chapter2`, as code outside it would.
#[cfg(test)]
extern crate self as chapter2;
#[cfg(test)]
#[path = "../../../exercises/chapter2/tests/exercises/main.rs"]
mod exercises;
