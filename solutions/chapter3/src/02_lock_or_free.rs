//! Exercise 3.2: one lock or free threads.
//! Book: src/ch03/02-lock-or-free.md

use std::ops::Range;
use std::thread;

use support::gil::Gil;

pub use crate::provided::lock_or_free::steps;

// ANCHOR: solution
/// One thread per piece. Each thread walks its piece step by step and calls `work` for every
/// step while holding `gil`, as a CPython thread holds the GIL while it runs bytecode.
/// Returns the sum of everything `work` returned.
pub fn sum_under_one_lock(
    gil: &Gil,
    pieces: &[Range<u64>],
    step: u64,
    work: impl Fn(Range<u64>) -> u128 + Sync,
) -> u128 {
    one_thread_per_piece(pieces, |piece| {
        let mut total = 0;
        for numbers in steps(piece, step) {
            // Held for one step only, then free for whichever thread comes next.
            let _gil = gil.lock();
            total += work(numbers);
        }
        total
    })
}

/// The same threads and steps with no lock at all, as in a free-threaded interpreter.
pub fn sum_on_free_threads(
    pieces: &[Range<u64>],
    step: u64,
    work: impl Fn(Range<u64>) -> u128 + Sync,
) -> u128 {
    one_thread_per_piece(pieces, |piece| steps(piece, step).map(&work).sum())
}

/// Runs `walk(piece)` on a thread of its own for every piece, and adds up what they return.
fn one_thread_per_piece(pieces: &[Range<u64>], walk: impl Fn(Range<u64>) -> u128 + Sync) -> u128 {
    thread::scope(|scope| {
        let walk = &walk;
        let threads: Vec<_> = pieces
            .iter()
            .map(|piece| scope.spawn(move || walk(piece.clone())))
            .collect();
        // Every thread is running before we wait for the first one.
        threads.into_iter().map(join).sum()
    })
}

/// Waits for a thread and passes on its panic, if it had one.
fn join<T>(thread: thread::ScopedJoinHandle<'_, T>) -> T {
    thread
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}
// ANCHOR_END: solution
