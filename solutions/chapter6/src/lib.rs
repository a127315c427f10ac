//! Reference solutions to chapter 6 of *The GIL, Hands-On*: choosing an approach.
//!
//! Each module answers the exercise file of the same name in `exercises/chapter6/src/`, and the
//! book walks through it on the exercise's page.

/// The provided code: the exercise crate's own files, so that there is one copy.
#[path = "../../../exercises/chapter6/src/provided/mod.rs"]
pub mod provided;

// The same module names as the exercise crate, from its one list, each the solution's own file.
#[path = "../../../exercises/chapter6/src/modules.rs"]
#[macro_use]
mod modules;
exercise_modules!();

// The exercise crate's tests (exercises/chapter6/tests/exercises/), compiled into this crate as
// its unit tests, as they are into the exercise crate: the very same tests check the solution.
// They call this crate `chapter6`, as code outside it would.
#[cfg(test)]
extern crate self as chapter6;
#[cfg(test)]
#[path = "../../../exercises/chapter6/tests/exercises/main.rs"]
mod exercises;
