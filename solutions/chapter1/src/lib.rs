//! Reference solutions to chapter 1 of *The GIL, Hands-On*: what the GIL is and why it matters.
//!
//! Each module answers the exercise file of the same name in `exercises/chapter1/src/`, and the
//! book walks through it on the exercise's page.

/// std's `Mutex` and `Condvar`, whose `wait` returns spuriously on a fixed schedule in tests.
pub use support::sync;

/// The provided code: the exercise crate's own files, so that there is one copy.
#[path = "../../../exercises/chapter1/src/provided/mod.rs"]
pub mod provided;

#[path = "01_global_lock.rs"]
pub mod global_lock;
#[path = "02_one_at_a_time.rs"]
pub mod one_at_a_time;
#[path = "03_taking_turns.rs"]
pub mod taking_turns;
#[path = "04_three_models.rs"]
pub mod three_models;
