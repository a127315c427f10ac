//! Reference solutions to chapter 3 of *The GIL, Hands-On*: the impact of a GIL on CPU-bound and
//! I/O-bound work.
//!
//! Each module answers the exercise file of the same name in `exercises/chapter3/src/`, and the
//! book walks through it on the exercise's page.

/// The provided code: the exercise crate's own files, so that there is one copy.
#[path = "../../../exercises/chapter3/src/provided/mod.rs"]
pub mod provided;

// The same module names as the exercise crate, from its one list, each the solution's own file.
#[path = "../../../exercises/chapter3/src/modules.rs"]
#[macro_use]
mod modules;
exercise_modules!();

// The exercise crate's tests (exercises/chapter3/tests/exercises/), compiled into this crate as
// its unit tests, as they are into the exercise crate: the very same tests check the solution.
// They call this crate `chapter3`, as code outside it would.
#[cfg(test)]
extern crate self as chapter3;
#[cfg(test)]
#[path = "../../../exercises/chapter3/tests/exercises/main.rs"]
mod exercises;
