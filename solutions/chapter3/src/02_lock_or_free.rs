//! Exercise 3.2: one lock or free threads.
//! Book: src/ch03/02-lock-or-free.md

use std::ops::Range;
use std::thread;

use support::gil::Gil;

/// The steps a thread takes through its piece: consecutive ranges of at most `step` numbers.
/// (Provided: the same helper as in the exercise file.)
pub fn steps(piece: Range<u64>, step: u64) -> impl Iterator<Item = Range<u64>> {
    assert!(step > 0, "a step of zero numbers never gets anywhere");
    (piece.start..piece.end)
        .step_by(usize::try_from(step).unwrap_or(usize::MAX))
        .map(move |start| start..piece.end.min(start.saturating_add(step)))
}

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
    thread::scope(|scope| {
        let threads: Vec<_> = pieces
            .iter()
            .map(|piece| {
                let work = &work;
                scope.spawn(move || {
                    let mut total = 0;
                    for numbers in steps(piece.clone(), step) {
                        // Held for one step only, then free for whichever thread comes next.
                        let _gil = gil.lock();
                        total += work(numbers);
                    }
                    total
                })
            })
            .collect();
        // Every thread is running before we wait for the first one.
        threads.into_iter().map(join).sum()
    })
}

/// The same threads and steps with no lock at all, as in a free-threaded interpreter.
pub fn sum_on_free_threads(
    pieces: &[Range<u64>],
    step: u64,
    work: impl Fn(Range<u64>) -> u128 + Sync,
) -> u128 {
    thread::scope(|scope| {
        let threads: Vec<_> = pieces
            .iter()
            .map(|piece| {
                let work = &work;
                scope.spawn(move || steps(piece.clone(), step).map(work).sum::<u128>())
            })
            .collect();
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
