//! Exercise 2.1: reference counts three ways (book: src/ch02/01-refcounts.md).

use chapter2::refcounts::{AtomicCount, LockedCount, RacyCount, RefCount};
use support::Exercise;

const EXERCISE: Exercise = Exercise::new("2.1", "ch02/01-refcounts.md").with_hang_hint(
    "incref() must not wait for anything but the count's own lock, and must let go of it",
);

/// Real threads: the atomic and the locked count must never lose an increment. (The racy
/// count on real threads loses some only when the timing is unlucky; loom shows it always.)
#[test]
fn no_increment_is_lost_on_real_threads() {
    use std::sync::Arc;
    use std::thread;

    const THREADS: usize = 2;
    const INCREMENTS: usize = 10_000;

    fn hammer<C: RefCount + 'static>() -> usize {
        let count = Arc::new(C::new(5));
        let workers: Vec<_> = (0..THREADS)
            .map(|_| {
                let count = Arc::clone(&count);
                thread::spawn(move || (0..INCREMENTS).for_each(|_| count.incref()))
            })
            .collect();
        for worker in workers {
            worker.join().expect("a thread panicked in incref()");
        }
        count.get()
    }

    fn one_thread<C: RefCount>() -> usize {
        let count = C::new(5);
        (0..3).for_each(|_| count.incref());
        count.get()
    }

    let racy = EXERCISE.run(one_thread::<RacyCount>);
    let atomic = EXERCISE.run(hammer::<AtomicCount>);
    let locked = EXERCISE.run(hammer::<LockedCount>);
    EXERCISE.check(
        racy == 8,
        format!("RacyCount: 5 plus 3 increments on one thread gave {racy}, not 8"),
    );
    let expected = 5 + THREADS * INCREMENTS;
    for (name, got) in [("AtomicCount", atomic), ("LockedCount", locked)] {
        EXERCISE.check(
            got == expected,
            format!(
                "{name}: {THREADS} threads x {INCREMENTS} increments from 5 gave {got}, not \
                 {expected}: some increments were lost (is the whole read-modify-write one step?)"
            ),
        );
    }
    let answer = format!(
        "count          start  threads x increments  final\n\
         RacyCount      5      1 x 3                 {racy}\n\
         AtomicCount    5      {THREADS} x {INCREMENTS}             {atomic}\n\
         LockedCount    5      {THREADS} x {INCREMENTS}             {locked}\n"
    );
    EXERCISE.answer_key(|| insta::assert_snapshot!(answer));
}

/// loom runs two threads that increment a count of 5 twice each, in every possible
/// interleaving, and collects the final counts.
#[test]
fn every_interleaving_of_two_threads_incrementing_twice() {
    use chapter2::refcounts::LockPerStepCount;
    use chapter2::sync::{Arc, Model, thread, violated};
    use std::collections::BTreeSet;

    /// Two threads x two increments: 70 interleavings of the racy count's loads and stores,
    /// explored in full (no preemption bound) in well under a second.
    const MODEL: Model = Model::new(EXERCISE);

    /// The final counts loom found. `exact` names a count that must never lose an increment:
    /// the first interleaving that does ends the test with a sentence.
    fn outcomes<C: RefCount + 'static>(exact: Option<&'static str>) -> BTreeSet<usize> {
        // What the model found, written down outside it: observation, not part of the model.
        let finals = std::sync::Arc::new(std::sync::Mutex::new(BTreeSet::new()));
        let record = std::sync::Arc::clone(&finals);
        MODEL.check(move || {
            // Created inside the model, so the count's atomic or mutex is loom's.
            let count = Arc::new(C::new(5));
            let other = {
                let count = Arc::clone(&count);
                thread::spawn(move || (0..2).for_each(|_| count.incref()))
            };
            (0..2).for_each(|_| count.incref());
            other.join().expect("a thread panicked in incref()");
            let total = count.get();
            if let Some(name) = exact
                && total != 9
            {
                violated(format!(
                    "{name}: two threads incrementing a count of 5 twice each ended at {total}, \
                     not 9: another thread ran between this increment's read and its write"
                ));
            }
            record.lock().unwrap().insert(total);
        });
        finals.lock().unwrap().clone()
    }

    fn listed(finals: &BTreeSet<usize>) -> String {
        let listed: Vec<String> = finals.iter().map(ToString::to_string).collect();
        format!("{{{}}}", listed.join(", "))
    }

    let racy = outcomes::<RacyCount>(None);
    EXERCISE.check(
        racy.iter().any(|&total| total < 9),
        "RacyCount never lost an increment in any interleaving: make it load, then store, in \
         two separate steps, so that loom can show the lost update",
    );

    let answer = format!(
        "two threads increment a count of 5 twice each; loom tried every interleaving\n\
         count                                          possible final counts\n\
         RacyCount: load, then store                    {}\n\
         AtomicCount: one read-modify-write             {}\n\
         LockedCount: lock around the increment         {}\n\
         LockPerStepCount: Python's x += 1 (provided)   {}\n",
        listed(&racy),
        listed(&outcomes::<AtomicCount>(Some("AtomicCount"))),
        listed(&outcomes::<LockedCount>(Some("LockedCount"))),
        listed(&outcomes::<LockPerStepCount>(None)),
    );
    EXERCISE.answer_key(|| insta::assert_snapshot!(answer));
}
