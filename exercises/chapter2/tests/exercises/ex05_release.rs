//! Exercise 2.5: releasing the GIL around blocking work (book: src/ch02/05-release.md).

use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Barrier, Mutex};
use std::thread;

use chapter2::release::Gil;
use support::Exercise;
use support::testkit::Occupancy;

const EXERCISE: Exercise = Exercise::new("2.5", "ch02/05-release.md").with_hang_hint(
    "the two threads meet inside their blocking calls, which only works if detach() gives the \
     GIL back before it runs the closure and takes it again only after, once",
);

const THREADS: usize = 2;

/// What the threads saw, in words for the snapshot.
#[derive(Default)]
struct Record {
    python: Occupancy,
    blocking: Occupancy,
    held_while_all_blocked: Mutex<Vec<bool>>,
    held_after_detach: AtomicUsize,
    /// Python steps run by a thread that did not hold the GIL.
    python_steps_without_the_gil: AtomicUsize,
    /// Blocking calls run while their own thread still held the GIL.
    blocking_with_gil: AtomicUsize,
}

#[test]
fn threads_overlap_only_while_the_gil_is_released() {
    let record = EXERCISE.run(|| {
        let gil = Gil::new();
        let record = Record::default();
        let all_blocking = Barrier::new(THREADS);
        let all_looked = Barrier::new(THREADS);
        thread::scope(|scope| {
            for _ in 0..THREADS {
                scope.spawn(|| {
                    let me = Some(thread::current().id());
                    let mut python = gil.attach();
                    for _ in 0..2 {
                        let in_python = record.python.enter();
                        // Checked by the step itself, not by waiting for a second thread.
                        if gil.holder() != me {
                            record
                                .python_steps_without_the_gil
                                .fetch_add(1, Ordering::SeqCst);
                        }
                        drop(in_python);
                        python.detach(|| {
                            if gil.holder() == me {
                                // Waiting for the other thread here would wait forever.
                                record.blocking_with_gil.fetch_add(1, Ordering::SeqCst);
                                return;
                            }
                            let _blocking = record.blocking.enter();
                            // Only threads blocking at the same time get past this.
                            all_blocking.wait();
                            let held = gil.holder().is_some();
                            record.held_while_all_blocked.lock().unwrap().push(held);
                            all_looked.wait();
                        });
                        if gil.holder() == Some(thread::current().id()) {
                            record.held_after_detach.fetch_add(1, Ordering::SeqCst);
                        }
                    }
                });
            }
        });
        record
    });
    let blocking_with_gil = record.blocking_with_gil.load(Ordering::SeqCst);
    EXERCISE.check(
        blocking_with_gil == 0,
        format!(
            "{blocking_with_gil} of {} blocking calls ran while their thread still held the GIL: \
             give it back before calling the closure, and keep the guard alive while it runs \
             (`let _ = Released::new(..)` drops it at once)",
            THREADS * 2
        ),
    );
    let most_python = record.python.most();
    let without_the_gil = record.python_steps_without_the_gil.load(Ordering::SeqCst);
    EXERCISE.check(
        without_the_gil == 0,
        format!(
            "{without_the_gil} of {} Python steps ran while their thread did not hold the GIL: \
             after detach() returns, the thread must hold the GIL again",
            THREADS * 2
        ),
    );
    EXERCISE.check(
        most_python <= 1,
        "two threads ran a Python step at the same time: after detach() returns, the thread \
         must hold the GIL again",
    );
    let held = record.held_while_all_blocked.into_inner().unwrap();
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    let answer = format!(
        "{THREADS} threads, each twice: a Python step, then a blocking call inside detach()\n\
         region                                 most threads inside at once\n\
         Python step (GIL held)                 {most_python}\n\
         blocking call (GIL released)           {}\n\
         someone held the GIL while all threads blocked: {}\n\
         detach() returned with the caller holding the GIL: {} of {} times\n",
        record.blocking.most(),
        yes_no(held.iter().any(|&h| h)),
        record.held_after_detach.load(Ordering::SeqCst),
        THREADS * 2,
    );
    EXERCISE.answer_key(|| insta::assert_snapshot!(answer));
}

#[test]
fn a_panic_inside_detach_still_gives_the_gil_back_to_the_caller() {
    let outcome = EXERCISE.run(|| {
        let gil = Gil::new();
        let me = Some(thread::current().id());
        let mut python = gil.attach();
        // A plain call first: a missing piece fails here, not while a panic unwinds.
        let answer = python.detach(|| 42);
        let held_after_return = gil.holder() == me;
        let unwound = panic::catch_unwind(AssertUnwindSafe(|| {
            python.detach(|| panic!("the blocking call failed"))
        }));
        let held_after_panic = gil.holder() == me;
        if held_after_panic {
            drop(python);
        } else {
            // Its drop would give back a GIL this thread no longer holds; the check below says
            // what went wrong instead.
            std::mem::forget(python);
        }
        (
            answer,
            held_after_return,
            unwound.is_err(),
            held_after_panic,
        )
    });
    let (answer, held_after_return, panicked, held_after_panic) = outcome;
    EXERCISE.check(
        answer == 42,
        format!("detach(|| 42) returned {answer}: return what the closure returns"),
    );
    EXERCISE.check(
        panicked,
        "a panic inside the closure must go on unwinding out of detach(), not be swallowed",
    );
    EXERCISE.check(
        held_after_return,
        "after detach() returned the caller did not hold the GIL: take it back",
    );
    EXERCISE.check(
        held_after_panic,
        "after a panic inside detach() the caller did not hold the GIL: take it back in the \
         guard's Drop, which runs while a panic unwinds",
    );
    let answer = format!(
        "detach(|| 42) returned: {answer}\n\
         the caller held the GIL after detach returned: {held_after_return}\n\
         a panic inside the closure unwound out of detach: {panicked}\n\
         the caller held the GIL after that panic: {held_after_panic}\n"
    );
    EXERCISE.answer_key(|| insta::assert_snapshot!(answer));
}
