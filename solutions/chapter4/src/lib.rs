//! Reference solutions to chapter 4 of *The GIL, Hands-On*: working around the GIL.
//!
//! The provided modules (the pool's protocol, the worker process, the toy interpreter) are the
//! exercise crate's own files, included here so that there is one copy of each.

#[path = "../../../exercises/chapter4/src/interpreter.rs"]
pub mod interpreter;
#[path = "../../../exercises/chapter4/src/protocol.rs"]
pub mod protocol;
#[path = "../../../exercises/chapter4/src/worker.rs"]
pub mod worker;

/// The provided code: the exercise crate's own files, so that there is one copy.
#[path = "../../../exercises/chapter4/src/provided/mod.rs"]
pub mod provided;

// The same module names as the exercise crate, from its one list, each the solution's own file.
#[path = "../../../exercises/chapter4/src/modules.rs"]
#[macro_use]
mod modules;
exercise_modules!();
