//! Exercise 1.1: a global interpreter lock (book: src/ch01/01-global-lock.md).

use std::panic;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use chapter1::global_lock::Gil;
use support::Exercise;

const EXERCISE: Exercise = Exercise::new("1.1", "ch01/01-global-lock.md").with_hang_hint(
    "a thread waits for a GIL that nobody will release, or is never woken: does release() clear \
     the flag and notify the condition variable, and does acquire() wait in a loop?",
);

/// Asks from another thread whether the GIL can be taken right now.
fn another_thread_tries(gil: &Gil) -> &'static str {
    let got_it = thread::scope(|scope| scope.spawn(|| gil.try_acquire().is_some()).join())
        .unwrap_or_else(|learner_panic| panic::resume_unwind(learner_panic));
    if got_it { "gets it" } else { "refused" }
}

#[test]
fn a_held_gil_refuses_every_other_thread() {
    let table = EXERCISE.run(|| {
        let gil = Gil::new();
        let mut rows = vec![("nobody holds the GIL", another_thread_tries(&gil))];
        let guard = gil.acquire();
        rows.push((
            "main holds a guard from acquire()",
            another_thread_tries(&gil),
        ));
        drop(guard);
        rows.push(("main dropped that guard", another_thread_tries(&gil)));
        let guard = gil.try_acquire();
        rows.push((
            "main holds a guard from try_acquire()",
            another_thread_tries(&gil),
        ));
        drop(guard);
        rows.push(("main dropped that guard", another_thread_tries(&gil)));
        rows
    });

    let mut text = format!("{:<38} | another thread's try_acquire()\n", "situation");
    text.push_str(&format!("{:-<38}-|-{:-<30}\n", "", ""));
    for (situation, answer) in table {
        text.push_str(&format!("{situation:<38} | {answer}\n"));
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(text));
}

#[test]
fn every_waiting_thread_gets_the_gil_once_it_is_released() {
    const WAITERS: usize = 4;
    let (got_in_while_held, served) = EXERCISE.run(|| {
        let gil = Gil::new();
        let about_to_wait = AtomicUsize::new(0);
        let served = AtomicUsize::new(0);
        let main_guard = gil.acquire();
        let got_in_while_held = thread::scope(|scope| {
            for _ in 0..WAITERS {
                scope.spawn(|| {
                    about_to_wait.fetch_add(1, Ordering::SeqCst);
                    let _guard = gil.acquire();
                    served.fetch_add(1, Ordering::SeqCst);
                });
            }
            // Give every waiter the chance to call acquire() while main still holds the GIL:
            // all of them have started, then a pause that costs the same on a busy machine
            // (counting scheduler turns with yield_now took seconds there).
            while about_to_wait.load(Ordering::SeqCst) < WAITERS {
                thread::sleep(Duration::from_millis(1));
            }
            thread::sleep(Duration::from_millis(20));
            let got_in = served.load(Ordering::SeqCst);
            drop(main_guard);
            got_in
        });
        (got_in_while_held, served.into_inner())
    });

    EXERCISE.check(
        got_in_while_held == 0,
        format!("{got_in_while_held} thread(s) got the GIL while the main thread held it: acquire() must wait while `locked` is true"),
    );
    EXERCISE.check(
        served == WAITERS,
        format!("{served} of {WAITERS} waiting threads got the GIL"),
    );
}
