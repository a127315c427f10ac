//! Exercise 7.1: threads for CPU work that all need one lock
//! (book: src/ch07/01-cpu-threads-one-lock.md).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use chapter7::cpu_threads_one_lock::sum_of_squares;
use support::Exercise;

use crate::InFlight;

const EXERCISE: Exercise = Exercise::new("7.1", "ch07/01-cpu-threads-one-lock.md");
const MISTAKE: &str = "threads for CPU work that all need one lock";

const THREADS: usize = 4;
const NUMBERS: u64 = 4_000;
/// How long the first squares wait for the other threads to arrive. Correct code gets them all
/// there in microseconds; this only bounds the wait when they can never come.
const GATHERING_LIMIT: Duration = Duration::from_secs(3);

#[test]
fn all_threads_compute_at_once() {
    let computing = Arc::new(InFlight::default());
    let recorder = Arc::clone(&computing);
    let sum = EXERCISE.run(move || {
        let numbers: Vec<u64> = (1..=NUMBERS).collect();
        let gathered = AtomicBool::new(false);
        let started = Instant::now();
        sum_of_squares(&numbers, THREADS, |n| {
            recorder.enter();
            // Until every thread has been seen computing at once (or the wait is given up),
            // each square lingers, so that threads able to run together are caught together.
            while !gathered.load(Ordering::SeqCst) {
                if recorder.now() >= THREADS || started.elapsed() > GATHERING_LIMIT {
                    gathered.store(true, Ordering::SeqCst);
                }
                thread::yield_now();
            }
            recorder.leave();
            n * n
        })
    });
    let expected: u64 = (1..=NUMBERS).map(|n| n * n).sum();
    EXERCISE.check(
        sum == expected,
        format!("the sum is {sum}, expected {expected}: every square must be added exactly once"),
    );
    EXERCISE.check(
        computing.most() > 1,
        format!(
            "mistake still present ({MISTAKE}): at most 1 of {THREADS} threads computed at once \
             (recorded concurrency 1): compute without holding the lock, and take it once to add \
             each thread's subtotal"
        ),
    );
    EXERCISE.check(
        computing.most() == THREADS,
        format!(
            "{} threads computed at once, expected {THREADS}: start `threads` threads, one chunk \
             each",
            computing.most()
        ),
    );
    EXERCISE.answer_key(|| {
        insta::assert_snapshot!(format!(
            "threads  numbers  sum of squares     most threads computing at once\n\
         {THREADS:>7}  {NUMBERS:>7}  {sum:>14}     {}\n",
            computing.most()
        ))
    });
}
