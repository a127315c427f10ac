//! Exercise 3.2: one lock or free threads (book: src/ch03/02-lock-or-free.md).
//!
//! Everything is checked while the threads run, bounded by events rather than by time: a
//! thread's first step waits inside `work` until the other thread waits in line for the GIL, or
//! has entered `work` itself. The GIL of these tests serves the thread that has waited longest,
//! so once the other thread waits, a lock released after a step goes to it.

use std::ops::Range;
use std::sync::Arc;

use chapter3::lock_or_free::{sum_on_free_threads, sum_under_one_lock};
use support::Exercise;
use support::gil::Gil;

use super::occupancy::{Occupancy, squares};

const EXERCISE: Exercise = Exercise::new("3.2", "ch03/02-lock-or-free.md").with_hang_hint(
    "the threads must all be running at the same time: spawn every thread before you join any \
     (a thread joined before the next one starts never meets the others), and take no lock of \
     your own",
);

/// Two threads, as many as our machines have cores; 20 steps of 1000 numbers in all.
const NUMBERS: Range<u64> = 0..20_000;
const STEP: u64 = 1_000;
const THREADS: usize = 2;

fn pieces() -> Vec<Range<u64>> {
    vec![0..10_000, 10_000..20_000]
}

const HEADER: &str = "model                     threads  steps  sum of squares  most inside work at once  \
                      lock changed hands mid-piece\n";

/// Checks what was recorded and makes the table row.
fn row(model: &str, occupancy: &Occupancy, total: u128, mid_piece: &str) -> String {
    let worked = occupancy.worked();
    let expected: Vec<Range<u64>> = (0..20).map(|i| i * STEP..(i + 1) * STEP).collect();
    EXERCISE.check(
        worked == expected,
        format!(
            "{model}: work was called with {} ranges, starting {:?}: each thread must walk its piece \
             in steps of `step` numbers (the `steps` helper does it) and call work once per step",
            worked.len(),
            worked.iter().take(3).collect::<Vec<_>>()
        ),
    );
    EXERCISE.check(
        occupancy.threads() == THREADS,
        format!(
            "{model}: {} thread(s) called work, not {THREADS}: start one thread per piece",
            occupancy.threads()
        ),
    );
    EXERCISE.check(
        total == squares(NUMBERS),
        format!(
            "{model}: returned {total}, but the calls to work returned {} in all: add up what work \
             returns, over every thread",
            squares(NUMBERS)
        ),
    );
    format!(
        "{model:<25} {THREADS:>7} {:>6}  {total:>14}  {:>24}  {mid_piece}\n",
        worked.len(),
        occupancy.most_inside()
    )
}

#[test]
fn under_one_lock_only_one_thread_works_at_a_time() {
    let (occupancy, total) = EXERCISE.run(|| {
        let occupancy = Arc::new(Occupancy::default());
        let asker = Arc::clone(&occupancy);
        let gil = Gil::taking_turns(move || asker.nudge());
        let recorder = Arc::clone(&occupancy);
        let total = sum_under_one_lock(&gil, &pieces(), STEP, |numbers| {
            recorder.work(numbers, THREADS, || gil.waiting() > 0)
        });
        (occupancy, total)
    });
    // A thread's first step stays inside work until another thread waits in line for the lock
    // or is inside work too: with no lock held around work, nobody waits in line, so the second
    // thread is then inside at the same time.
    EXERCISE.check(
        occupancy.most_inside() <= 1,
        "two threads were inside work at the same time: hold the lock around every call to work \
         (`let _gil = gil.lock();` in the loop body; `let _ = gil.lock();` lets go at once)",
    );
    // When the first thread's first step ends, the other thread is already waiting for the lock,
    // and this GIL serves the longest waiter: a lock released after the step changes hands.
    EXERCISE.check(
        occupancy.runs() > THREADS,
        "the lock never changed hands while a thread still had steps to go: each thread ran its \
         whole piece in one go, although the other thread was waiting. Take the lock around each \
         call to work (a guard that lives for one step), not once around the whole piece",
    );
    let table = format!(
        "{HEADER}{}",
        row("one lock (like the GIL)", &occupancy, total, "yes")
    );
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

#[test]
fn free_threads_work_at_the_same_time() {
    let (occupancy, total) = EXERCISE.run(|| {
        let occupancy = Arc::new(Occupancy::default());
        let recorder = Arc::clone(&occupancy);
        // The first step of each thread waits, inside work, for the other thread to be inside.
        let total = sum_on_free_threads(&pieces(), STEP, move |numbers| {
            recorder.work(numbers, THREADS, || false)
        });
        (occupancy, total)
    });
    let table = format!(
        "{HEADER}{}",
        row("free threads (no GIL)", &occupancy, total, "no lock")
    );
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}
