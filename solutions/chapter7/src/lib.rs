//! Reference solutions to chapter 7 of *The GIL, Hands-On*: common mistakes, found and fixed.
//!
//! Each module fixes the mistake in the exercise file of the same name in
//! `exercises/chapter7/src/`, and the book walks through the fix on the exercise's page.

/// The provided code: the exercise crate's own files, so that there is one copy.
#[path = "../../../exercises/chapter7/src/provided/mod.rs"]
pub mod provided;

// The same module names as the exercise crate, from its one list, each the solution's own file.
#[path = "../../../exercises/chapter7/src/modules.rs"]
#[macro_use]
mod modules;
exercise_modules!();

// The exercise crate's tests (exercises/chapter7/tests/exercises/), compiled into this crate as
// its unit tests, as they are into the exercise crate: the very same tests check the solution.
// They call this crate `chapter7`, as code outside it would.
#[cfg(test)]
extern crate self as chapter7;
#[cfg(test)]
#[path = "../../../exercises/chapter7/tests/exercises/main.rs"]
mod exercises;
