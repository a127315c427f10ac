//! Exercise 1.2: bytecode, one thread at a time (book: src/ch01/02-one-at-a-time.md).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Barrier, Mutex};

use chapter1::global_lock::Gil;
use chapter1::one_at_a_time::{run_free_threaded, run_with_gil};
use support::Exercise;

const EXERCISE: Exercise = Exercise::new("1.2", "ch01/02-one-at-a-time.md");

/// Why the run under the GIL usually hangs.
const GIL_HANG: &str = "a thread waits for a GIL that is never released: is each guard dropped at the end of \
     its step, and does your Gil from exercise 1.1 pass its own tests?";

/// Why the free-threaded run usually hangs.
const FREE_HANG: &str = "with no GIL, every thread must be running at the same time: start them all before \
     waiting for any (a thread joined before the next starts never meets the others)";

const THREADS: usize = 4;
const STEPS: usize = 100;

/// What the threads did inside `step`, recorded with atomics.
struct Occupancy {
    inside: AtomicUsize,
    most_inside: AtomicUsize,
    steps_seen: Mutex<Vec<Vec<usize>>>,
}

impl Occupancy {
    fn new() -> Self {
        Self {
            inside: AtomicUsize::new(0),
            most_inside: AtomicUsize::new(0),
            steps_seen: Mutex::new(vec![Vec::new(); THREADS]),
        }
    }

    /// One bytecode step. `meet` runs while the thread counts as inside.
    fn step(&self, thread: usize, step: usize, meet: impl FnOnce()) {
        let now_inside = self.inside.fetch_add(1, Ordering::SeqCst) + 1;
        self.most_inside.fetch_max(now_inside, Ordering::SeqCst);
        meet();
        if let Some(seen) = self.steps_seen.lock().unwrap().get_mut(thread) {
            seen.push(step);
        }
        self.inside.fetch_sub(1, Ordering::SeqCst);
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
            self.most_inside.into_inner()
        )
    }
}

const HEADER: &str =
    "model                    threads steps each steps run   most threads inside a step at once\n";

#[test]
fn under_the_gil_only_one_thread_is_ever_inside_a_step() {
    let (occupancy, steps_without_gil) = EXERCISE.with_hang_hint(GIL_HANG).run(|| {
        let gil = Gil::new();
        let occupancy = Occupancy::new();
        let steps_without_gil = AtomicUsize::new(0);
        run_with_gil(&gil, THREADS, STEPS, |thread, step| {
            occupancy.step(thread, step, || {
                // Inside a step the GIL is held, so nobody can take it: checked on every step,
                // it does not depend on another thread being scheduled at the right moment.
                if gil.try_acquire().is_some() {
                    steps_without_gil.fetch_add(1, Ordering::SeqCst);
                }
            });
        });
        (occupancy, steps_without_gil.into_inner())
    });
    EXERCISE.check(
        steps_without_gil == 0,
        format!(
            "{steps_without_gil} of {} steps ran while the GIL was free: take the GIL around every \
             call to step(), and keep its guard alive until step() returns",
            THREADS * STEPS
        ),
    );
    EXERCISE.check(
        occupancy.most_inside.load(Ordering::SeqCst) <= 1,
        "two threads were inside a step at the same time: take the GIL around every call to step()",
    );
    let table = format!("{HEADER}{}", occupancy.row("one GIL"));
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

#[test]
fn without_a_gil_all_threads_run_steps_at_once() {
    let occupancy = EXERCISE.with_hang_hint(FREE_HANG).run(|| {
        let everyone_inside = Barrier::new(THREADS);
        let occupancy = Occupancy::new();
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
