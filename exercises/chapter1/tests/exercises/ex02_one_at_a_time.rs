//! Exercise 1.2: bytecode, one thread at a time (book: src/ch01/02-one-at-a-time.md).

use std::sync::{Barrier, Mutex};
use std::thread;

use chapter1::global_lock::Gil;
use chapter1::one_at_a_time::{run_free_threaded, run_with_gil};
use chapter1::sync::watch;
use support::Exercise;
use support::testkit::Occupancy;

const EXERCISE: Exercise = Exercise::new("1.2", "ch01/02-one-at-a-time.md");

/// Why the run under the GIL usually hangs.
const GIL_HANG: &str = "a thread waits for a GIL that is never released: is each guard dropped at the end of \
     its step, and does your Gil from exercise 1.1 pass its own tests?";

/// Why the free-threaded run usually hangs.
const FREE_HANG: &str = "with no GIL, every thread must be running at the same time: start them all before \
     waiting for any (a thread joined before the next starts never meets the others)";

const THREADS: usize = 4;
const STEPS: usize = 100;

/// What the threads did inside `step`: how many were inside at once, and which steps each ran.
struct Steps {
    inside: Occupancy,
    steps_seen: Mutex<Vec<Vec<usize>>>,
}

impl Steps {
    fn new() -> Self {
        Self {
            inside: Occupancy::new(),
            steps_seen: Mutex::new(vec![Vec::new(); THREADS]),
        }
    }

    /// One bytecode step. `meet` runs while the thread counts as inside.
    fn step(&self, thread: usize, step: usize, meet: impl FnOnce()) {
        let _inside = self.inside.enter();
        meet();
        if let Some(seen) = self.steps_seen.lock().unwrap().get_mut(thread) {
            seen.push(step);
        }
    }

    /// A table row, after checking that every thread ran each of its steps once, in order.
    fn row(self, model: &str) -> String {
        let seen = self.steps_seen.into_inner().unwrap();
        let expected: Vec<usize> = (0..STEPS).collect();
        for (thread, steps) in seen.iter().enumerate() {
            EXERCISE.check(
                *steps == expected,
                format!(
                    "{model}: thread {thread} ran steps {}..: each thread must call step(thread_index, step_index) \
                     once for every step_index from 0 to {}",
                    steps.iter().take(5).map(ToString::to_string).collect::<Vec<_>>().join(", "),
                    STEPS - 1
                ),
            );
        }
        let total: usize = seen.iter().map(Vec::len).sum();
        format!(
            "{model:<24} {THREADS:>7} {STEPS:>10} {total:>9}   {}\n",
            self.inside.most()
        )
    }
}

const HEADER: &str =
    "model                    threads steps each steps run   most threads inside a step at once\n";

/// What a step under the GIL can see for itself, without waiting for anything (so the test takes
/// no longer on a busy machine than the steps do): whether the GIL is held while it runs, and
/// whether its thread let go of the GIL since its previous step.
struct GilChecks<'gil> {
    gil: &'gil Gil,
    /// A step that found the GIL free: (thread, step).
    unheld: Mutex<Option<(usize, usize)>>,
    /// Per thread: the OS thread and its count of wake-ups sent, at its previous step.
    previous: Mutex<Vec<Option<(thread::ThreadId, u64)>>>,
    /// A step whose thread had not let go of the GIL since its previous step: (thread, step).
    kept: Mutex<Option<(usize, usize)>>,
}

impl<'gil> GilChecks<'gil> {
    fn new(gil: &'gil Gil, threads: usize) -> Self {
        Self {
            gil,
            unheld: Mutex::new(None),
            previous: Mutex::new(vec![None; threads]),
            kept: Mutex::new(None),
        }
    }

    fn check(&self, thread: usize, step: usize) {
        // Someone must hold the GIL during a step (this thread, if the code is right), so
        // taking it here must fail. A guard we get is dropped at once.
        if self.gil.try_acquire().is_some() {
            self.unheld.lock().unwrap().get_or_insert((thread, step));
        }
        // Releasing the GIL wakes a waiting thread (exercise 1.1's release()), so a thread that
        // let go of the GIL between two steps has sent a wake-up since its previous step.
        let now = (thread::current().id(), watch::notifies_sent());
        let mut previous = self.previous.lock().unwrap();
        if let Some(slot) = previous.get_mut(thread) {
            if let Some(before) = *slot
                && before == now
            {
                self.kept.lock().unwrap().get_or_insert((thread, step));
            }
            *slot = Some(now);
        }
    }

    /// What went wrong, if anything: checked by the test once the learner's code has returned.
    fn verdict(self) -> Option<String> {
        if let Some((thread, step)) = self.unheld.into_inner().unwrap() {
            return Some(format!(
                "thread {thread} ran step {step} while nobody held the GIL: hold the guard from \
                 gil.acquire() while step() runs (`let _ = gil.acquire();` drops it at once)"
            ));
        }
        let (thread, step) = self.kept.into_inner().unwrap()?;
        Some(format!(
            "thread {thread} went from step {} to step {step} without releasing the GIL in \
             between (no wake-up was sent to the threads waiting for it), so no other thread \
             could run: take the GIL for each step, not once around the whole loop (and check \
             that exercise 1.1's release() wakes a waiter)",
            step - 1
        ))
    }
}

#[test]
fn under_the_gil_only_one_thread_is_ever_inside_a_step() {
    let (occupancy, mistake) = EXERCISE.with_hang_hint(GIL_HANG).run(|| {
        let gil = Gil::new();
        let occupancy = Steps::new();
        let checks = GilChecks::new(&gil, THREADS);
        run_with_gil(&gil, THREADS, STEPS, |thread, step| {
            occupancy.step(thread, step, || checks.check(thread, step));
        });
        (occupancy, checks.verdict())
    });
    if let Some(mistake) = mistake {
        EXERCISE.fail(mistake);
    }
    EXERCISE.check(
        occupancy.inside.most() <= 1,
        "two threads were inside a step at the same time: take the GIL around every call to step()",
    );
    let table = format!("{HEADER}{}", occupancy.row("one GIL"));
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

#[test]
fn without_a_gil_all_threads_run_steps_at_once() {
    let occupancy = EXERCISE.with_hang_hint(FREE_HANG).run(|| {
        let everyone_inside = Barrier::new(THREADS);
        let occupancy = Steps::new();
        run_free_threaded(THREADS, STEPS, |thread, step| {
            occupancy.step(thread, step, || {
                // The first step of every thread waits here until all threads are inside:
                // only threads that really run at the same time get past it.
                if step == 0 {
                    everyone_inside.wait();
                }
            });
        });
        occupancy
    });
    let table = format!("{HEADER}{}", occupancy.row("free-threaded (no GIL)"));
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}
