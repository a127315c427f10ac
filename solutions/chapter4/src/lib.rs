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

#[path = "01_one_worker.rs"]
pub mod one_worker;
#[path = "02_process_pool.rs"]
pub mod process_pool;
#[path = "03_rayon.rs"]
pub mod rayon;
#[path = "04_async_fetch.rs"]
pub mod async_fetch;
#[path = "05_release_the_lock.rs"]
pub mod release_the_lock;
#[path = "06_hybrid.rs"]
pub mod hybrid;
