//! Reference solutions to chapter 5 of *The GIL, Hands-On*: a scraper and a pipeline.

/// The provided code: the exercise crate's own files, so that there is one copy.
#[path = "../../../exercises/chapter5/src/provided/mod.rs"]
pub mod provided;

// The same module names as the exercise crate, from its one list, each the solution's own file.
#[path = "../../../exercises/chapter5/src/modules.rs"]
#[macro_use]
mod modules;
exercise_modules!();

/// The provided process pool: the exercise crate's own file, so that there is one copy.
#[path = "../../../exercises/chapter5/src/pool.rs"]
pub mod pool;
