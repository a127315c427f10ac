//! The synchronisation types of the exercises: std's on real threads, loom's inside a loom model,
//! behind one path.
//!
//! An exercise crate re-exports this module as its own `sync` (`pub use support::sync::*;` in
//! `src/sync.rs`), and the learner writes `use crate::sync::{Condvar, Mutex};`. The very same
//! compiled code then runs
//! - on real threads in the normal tests: every type wraps its `std` twin;
//! - under loom's model checker, inside [`Model::check`] (feature `loom`): a type created inside a
//!   model wraps its loom twin, so loom sees every lock, wait, atomic and spawn and tries every
//!   interleaving of them.
//!
//! The choice is made when a value is created, by asking whether the current thread is running a
//! model, so there is no `--cfg loom` (it would switch tokio into its own loom mode and rebuild
//! every dependency) and no second compile: the loom checks run in a plain `cargo test`.
//!
//! [`Condvar::wait`] also returns *spuriously* on a fixed schedule (by default the first, third,
//! fifth, ... wait of each thread on each condition variable; see [`spurious_wakeups`]), on real
//! threads and under loom alike. The standard library allows such wake-ups and real systems
//! produce them now and then; here they happen every time, so code that waits with `if` instead
//! of `while` fails every run instead of once in a blue moon.
//!
//! [`Arc`] is always std's: loom's `Arc` aborts the test binary when a failing model unwinds
//! (tokio-rs/loom issue 291), and leaks are not what these exercises look for.
//!
//! Rules for code that runs inside a model: create every lock, condition variable, atomic and
//! thread it uses inside the model's closure (a value made outside is std's, invisible to loom,
//! and may block the one OS thread loom runs on), and record what happened through these types
//! too, so that the recording is part of what loom checks.

mod atomic;
mod condvar;
#[cfg(feature = "loom")]
mod model;
mod mutex;
pub mod thread;
pub mod watch;

pub use atomic::{AtomicBool, AtomicU64, AtomicUsize};
pub use condvar::{Condvar, spurious_wakeups};
#[cfg(feature = "loom")]
pub use model::{Model, violated};
pub use mutex::{Mutex, MutexGuard};
pub use std::sync::atomic::Ordering;
pub use std::sync::{Arc, LockResult, PoisonError};

/// Whether this OS thread is running a loom model right now. Loom runs all of a model's threads
/// as coroutines on the thread that called [`Model::check`], so a thread-local flag set around
/// the model is seen by every one of them.
#[cfg(feature = "loom")]
pub(crate) fn in_model() -> bool {
    model::IN_MODEL.with(std::cell::Cell::get)
}

/// A loom value used by a thread that is not running its model, or the other way round.
#[cfg(feature = "loom")]
fn mixed_worlds(what: &str) -> ! {
    panic!(
        "a {what} created inside a loom model met one created outside it: create everything the \
         model uses inside its closure"
    )
}
