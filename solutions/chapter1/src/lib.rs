//! Reference solutions to chapter 1 of *The GIL, Hands-On*: what the GIL is and why it matters.
//!
//! Each module answers the exercise file of the same name in `exercises/chapter1/src/`, and the
//! book walks through it on the exercise's page.

/// std's `Mutex` and `Condvar`, whose `wait` returns spuriously on a fixed schedule in tests.
pub use support::sync;

/// The provided code: the exercise crate's own files, so that there is one copy.
#[path = "../../../exercises/chapter1/src/provided/mod.rs"]
pub mod provided;

// The same module names as the exercise crate, from its one list, each the solution's own file.
#[path = "../../../exercises/chapter1/src/modules.rs"]
#[macro_use]
mod modules;
exercise_modules!();

// The exercise crate's tests (exercises/chapter1/tests/exercises/), compiled into this crate as
// its unit tests, as they are into the exercise crate: the very same tests check the solution.
// They call this crate `chapter1`, as code outside it would.
#[cfg(test)]
extern crate self as chapter1;
#[cfg(test)]
#[path = "../../../exercises/chapter1/tests/exercises/main.rs"]
mod exercises;
