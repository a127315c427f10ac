//! Exercise 3.2: one lock or free threads.
//! Book: src/ch03/02-lock-or-free.md
//!
//! Two threads share the CPU-bound task, one piece each. Run them two ways:
//!
//! - `sum_under_one_lock`: one thread per piece; each walks its piece in steps of `step` numbers
//!   (the `steps` helper below) and calls `work(step_range)` for every step *while holding*
//!   `gil`, the way a CPython thread holds the GIL while it runs bytecode.
//! - `sum_on_free_threads`: the same threads and steps, no lock: a free-threaded interpreter.
//!
//! Both return the sum of everything `work` returned. Use `std::thread::scope`, and start every
//! thread before waiting for any.
//!
//! The tests give you a `work` that counts, with atomics, how many threads are inside it at once:
//! never more than one under the lock, both at some point without it. They cannot see whether you
//! take the lock per step or once per thread; per step is what this exercise asks for (it is what
//! lets the threads take turns, as in chapter 1).

use std::ops::Range;
use std::sync::Mutex;
use std::thread;

/// The steps a thread takes through its piece: consecutive ranges of at most `step` numbers.
/// (Provided.)
pub fn steps(piece: Range<u64>, step: u64) -> impl Iterator<Item = Range<u64>> {
    assert!(step > 0, "a step of zero numbers never gets anywhere");
    (piece.start..piece.end)
        .step_by(usize::try_from(step).unwrap_or(usize::MAX))
        .map(move |start| start..piece.end.min(start.saturating_add(step)))
}

/// One thread per piece. Each thread walks its piece step by step and calls `work` for every
/// step while holding `gil`. Returns the sum of everything `work` returned.
pub fn sum_under_one_lock(
    gil: &Mutex<()>,
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
