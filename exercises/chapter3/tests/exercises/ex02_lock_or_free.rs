//! Exercise 3.2: one lock or free threads (book: src/ch03/02-lock-or-free.md).

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use chapter3::lock_or_free::{sum_on_free_threads, sum_under_one_lock};
use support::Exercise;

use crate::occupancy::{Occupancy, squares};

const EXERCISE: Exercise = Exercise::new("3.2", "ch03/02-lock-or-free.md").with_hang_hint(
    "free threads must all be running at the same time: spawn every thread before you join any \
     (a thread joined before the next one starts never meets the others)",
);

/// Two threads, as many as our machines have cores; 20 steps of 1000 numbers in all.
const NUMBERS: Range<u64> = 0..20_000;
const STEP: u64 = 1_000;

fn pieces() -> Vec<Range<u64>> {
    vec![0..10_000, 10_000..20_000]
}

const HEADER: &str =
    "model                     threads  steps  sum of squares   most threads inside work at once\n";

/// Checks what was recorded and makes the table row.
fn row(model: &str, occupancy: &Occupancy, total: u128) -> String {
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
        total == squares(NUMBERS),
        format!(
            "{model}: returned {total}, but the calls to work returned {} in all: add up what work returns",
            squares(NUMBERS)
        ),
    );
    format!(
        "{model:<25} {:>7} {:>6}  {total:>14}   {}\n",
        pieces().len(),
        worked.len(),
        occupancy.most_inside()
    )
}

#[test]
fn under_one_lock_only_one_thread_works_at_a_time() {
    let (occupancy, total, unlocked) = EXERCISE.run(|| {
        let occupancy = Arc::new(Occupancy::default());
        let gil = Mutex::new(());
        let unlocked = AtomicUsize::new(0);
        let total = sum_under_one_lock(&gil, &pieces(), STEP, |numbers| {
            occupancy.work(numbers, |_| {
                // Inside work the lock is held, so nobody can take it: checked on every call,
                // it does not depend on another thread being scheduled to slip in.
                if gil.try_lock().is_ok() {
                    unlocked.fetch_add(1, Ordering::SeqCst);
                }
            })
        });
        (occupancy, total, unlocked.into_inner())
    });
    EXERCISE.check(
        unlocked == 0,
        format!(
            "{unlocked} of 20 calls to work ran while the lock was free: hold the lock around \
             every call to work"
        ),
    );
    EXERCISE.check(
        occupancy.most_inside() <= 1,
        "two threads were inside work at the same time: hold the lock around every call to work",
    );
    let table = format!(
        "{HEADER}{}",
        row("one lock (like the GIL)", &occupancy, total)
    );
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

#[test]
fn free_threads_work_at_the_same_time() {
    let (occupancy, total) = EXERCISE.run(|| {
        let occupancy = Arc::new(Occupancy::default());
        let recorder = Arc::clone(&occupancy);
        let total = sum_on_free_threads(&pieces(), STEP, move |numbers| {
            recorder.work(numbers, |first_visit| {
                // The first step of each thread waits, inside work, for the other thread.
                if first_visit {
                    recorder.rendezvous(2);
                }
            })
        });
        (occupancy, total)
    });
    let table = format!(
        "{HEADER}{}",
        row("free threads (no GIL)", &occupancy, total)
    );
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}
