//! Exercise 3.2: one lock or free threads.
//! Book: src/ch03/02-lock-or-free.md
//!
//! Two threads share the CPU-bound task, one piece each. Run them two ways:
//!
//! - `sum_under_one_lock`: one thread per piece; each walks its piece in steps of `step` numbers
//!   (`steps(piece, step)`, provided) and calls `work(step_range)` for every step *while
//!   holding* `gil` (`let _gil = gil.lock();`), the way a CPython thread holds the GIL while it
//!   runs bytecode. Take it for one step at a time, so the threads can take turns.
//! - `sum_on_free_threads`: the same threads and steps, no lock: a free-threaded interpreter.
//!
//! Both return the sum of everything `work` returned. Use `std::thread::scope`, and start every
//! thread before waiting for any.
//!
//! The tests give you a `work` that records, with atomics, which thread is inside it and how many
//! at once, and a `gil` that goes to the thread that has waited longest (as CPython's does). They
//! check, while your threads run: under the lock, never two threads inside `work`, and the lock
//! changing hands while a thread still has steps to go (a lock taken once around a whole piece
//! never does); without it, both threads inside `work` at once. A thread's first step waits
//! inside `work` until the other thread waits in line for the lock (or is inside too), so
//! threads that run one after another never get past it: the test then ends with a hint after a
//! few seconds. The tests cannot see how fast your threads are: the release-mode example times that.

use std::ops::Range;
use std::thread;

use support::gil::Gil;

/// Provided (`provided/lock_or_free.rs`): `steps(piece, step)`, the steps through a piece.
pub use crate::provided::lock_or_free::steps;

/// One thread per piece. Each thread walks its piece step by step and calls `work` for every
/// step while holding `gil`. Returns the sum of everything `work` returned.
pub fn sum_under_one_lock(
    gil: &Gil,
    pieces: &[Range<u64>],
    step: u64,
    work: impl Fn(Range<u64>) -> u128 + Sync,
) -> u128 {
    // TODO: spawn a scoped thread per piece; lock `gil` around each call to `work`.
    todo!()
}

/// The same threads and steps with no lock at all, as in a free-threaded interpreter.
pub fn sum_on_free_threads(
    pieces: &[Range<u64>],
    step: u64,
    work: impl Fn(Range<u64>) -> u128 + Sync,
) -> u128 {
    // TODO: the same threads, no lock. Spawn them all, then join them all.
    todo!()
}
