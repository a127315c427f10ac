//! Exercise 2.2: `Rc` vs `Arc` (book: src/ch02/02-rc-vs-arc.md).

use chapter2::rc_vs_arc::{counts_across_threads, counts_on_one_thread};
use support::Exercise;

const EXERCISE: Exercise = Exercise::new("2.2", "ch02/02-rc-vs-arc.md").with_hang_hint(
    "every Barrier must be created for exactly the threads that wait on it: the spawned threads \
     plus the one that reads the count",
);

const THREADS: usize = 4;

#[test]
fn strong_counts_on_one_thread_and_across_threads() {
    let [created, cloned, dropped] = EXERCISE.run(counts_on_one_thread);
    let (while_held, after) = EXERCISE.run(|| counts_across_threads(THREADS));
    EXERCISE.check(
        after == 1,
        format!(
            "after every thread finished the count was {after}: only the original owner should \
             be left (did a thread keep its clone, or did you keep one outside the threads?)"
        ),
    );
    let answer = format!(
        "moment                                         strong count\n\
         Rc::new                                        {created}\n\
         after Rc::clone                                {cloned}\n\
         after dropping the clone                       {dropped}\n\
         Arc: while {THREADS} threads each hold a clone         {while_held}\n\
         Arc: after the threads finished                {after}\n"
    );
    EXERCISE.answer_key(|| insta::assert_snapshot!(answer));
}

/// Other numbers of threads than the answer key's 4, with the boundaries 0 and 1, so that
/// counts written into the code fail.
#[test]
fn the_counts_follow_the_number_of_threads() {
    for threads in [0, 1, 7] {
        let (while_held, after) = EXERCISE.run(move || counts_across_threads(threads));
        EXERCISE.check(
            (while_held, after) == (threads + 1, 1),
            format!(
                "with {threads} threads the counts were {while_held} while they held their clones \
                 and {after} after they finished, not {} and 1: one clone per thread, plus the \
                 original",
                threads + 1
            ),
        );
    }
}
