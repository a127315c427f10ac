//! Exercise 1.1: a global interpreter lock (book: src/ch01/01-global-lock.md).

use std::panic;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;

use chapter1::global_lock::Gil;
use chapter1::sync::thread::ThreadId;
use chapter1::sync::watch;
use support::Exercise;

const EXERCISE: Exercise = Exercise::new("1.1", "ch01/01-global-lock.md").with_hang_hint(
    "a thread waits for a GIL that nobody will release, or is never woken: does release() clear \
     the flag and notify the condition variable, and does acquire() sleep on the condition \
     variable (wait) instead of looping until the flag changes?",
);

/// Asks from another thread whether the GIL can be taken right now.
fn another_thread_tries(gil: &Gil) -> &'static str {
    let got_it = thread::scope(|scope| scope.spawn(|| gil.try_acquire().is_some()).join())
        .unwrap_or_else(|learner_panic| panic::resume_unwind(learner_panic));
    if got_it { "gets it" } else { "refused" }
}

/// Asks from another thread while main holds `guard` (a row named `held`), and again after main
/// dropped it.
fn while_held_then_dropped(
    gil: &Gil,
    held: &'static str,
    guard: impl Sized,
) -> [(&'static str, &'static str); 2] {
    let while_held = another_thread_tries(gil);
    drop(guard);
    [
        (held, while_held),
        ("main dropped that guard", another_thread_tries(gil)),
    ]
}

#[test]
fn a_held_gil_refuses_every_other_thread() {
    let table = EXERCISE.run(|| {
        let gil = Gil::new();
        let mut rows = vec![("nobody holds the GIL", another_thread_tries(&gil))];
        let held = "main holds a guard from acquire()";
        rows.extend(while_held_then_dropped(&gil, held, gil.acquire()));
        let held = "main holds a guard from try_acquire()";
        rows.extend(while_held_then_dropped(&gil, held, gil.try_acquire()));
        rows
    });

    let mut text = format!("{:<38} | another thread's try_acquire()\n", "situation");
    text.push_str(&format!("{:-<38}-|-{:-<30}\n", "", ""));
    for (situation, answer) in table {
        text.push_str(&format!("{situation:<38} | {answer}\n"));
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(text));
}

/// Threads that call `acquire()` while the main thread holds the GIL must sleep until it is
/// released, and then all get it. Event-bound: the main thread lets go only once every waiter is
/// asleep on a condition variable (or one of them got in, which is the mistake).
#[test]
fn waiting_threads_sleep_until_the_gil_is_released_then_all_get_it() {
    const WAITERS: usize = 3;
    /// A waiter asleep on the condition variable takes the lock a handful of times.
    const SPINNING: u64 = 10_000;
    let (early, served) = EXERCISE.run(|| {
        let gil = Gil::new();
        let main_holds = AtomicBool::new(true);
        let served = AtomicUsize::new(0);
        let main_guard = gil.acquire();
        let early = thread::scope(|scope| {
            let waiters: Vec<_> = (0..WAITERS)
                .map(|_| {
                    scope.spawn(|| {
                        let _guard = gil.acquire();
                        let early = main_holds.load(Ordering::SeqCst);
                        served.fetch_add(1, Ordering::SeqCst);
                        watch::nudge();
                        early
                    })
                })
                .collect();
            let ids: Vec<ThreadId> = waiters.iter().map(|w| w.thread().id().into()).collect();
            let spinning = || ids.iter().any(|&id| watch::locks_taken(id) >= SPINNING);
            watch::block_until(|| {
                served.load(Ordering::SeqCst) > 0
                    || ids.iter().all(|&id| watch::is_asleep(id))
                    || spinning()
            });
            let spun = spinning();
            main_holds.store(false, Ordering::SeqCst);
            drop(main_guard);
            let joined = waiters.into_iter().map(|waiter| waiter.join());
            let early = joined
                .map(|result| result.unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
                .filter(|&early| early)
                .count();
            (early, spun)
        });
        (early, served.into_inner())
    });
    let (early, spun) = early;
    EXERCISE.check(
        !spun,
        format!(
            "a waiting thread took the flag's lock {SPINNING} times while the main thread held \
             the GIL, without ever falling asleep: acquire() must wait on the condition variable \
             (released.wait), not loop until the flag changes"
        ),
    );

    EXERCISE.check(
        early == 0,
        format!(
            "{early} of {WAITERS} waiting threads got the GIL while the main thread still held it. \
             A condition variable's wait() may return without a notification (a spurious \
             wake-up): acquire() must check `locked` again after every wait, in a `while` loop"
        ),
    );
    EXERCISE.check(
        served == WAITERS,
        format!("{served} of {WAITERS} waiting threads got the GIL"),
    );
}
