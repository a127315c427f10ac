//! Exercise 7.1: threads for CPU work that all need one lock
//! (book: src/ch07/01-cpu-threads-one-lock.md).

use std::time::Duration;

use chapter7::cpu_threads_one_lock::sum_of_squares;
use support::Exercise;
use support::testkit::{Gathering, Occupancy};

const EXERCISE: Exercise = Exercise::new("7.1", "ch07/01-cpu-threads-one-lock.md");

const THREADS: usize = 4;
const NUMBERS: u64 = 4_000;
/// The gathering's last resort: it gives up as soon as every other thread is asleep (blocked on
/// the lock the first one holds), and after this long without anyone new only when it cannot
/// tell (another test busy beside this one, a system without `/proc`).
const QUIET_LIMIT: Duration = Duration::from_secs(1);

/// Who is inside `square` (the most at once, and every thread seen there); until `threads` of
/// them have been inside at once (or no other thread can come), each call waits there, so that
/// threads able to run together are caught together.
struct Squares {
    inside: Occupancy,
    gathering: Gathering,
}

impl Squares {
    fn new(threads: usize) -> Self {
        Self {
            inside: Occupancy::new(),
            gathering: Gathering::new(threads, QUIET_LIMIT),
        }
    }

    fn square(&self, n: u64) -> u64 {
        let _inside = self.inside.enter();
        self.gathering.arrive();
        n * n
    }
}

/// What one call of `sum_of_squares` came to.
struct Outcome {
    sum: u64,
    most_at_once: usize,
    threads_used: usize,
}

fn run(numbers: Vec<u64>, threads: usize) -> Outcome {
    EXERCISE.run(move || {
        let squares = Squares::new(threads);
        let sum = sum_of_squares(&numbers, threads, |n| squares.square(n));
        Outcome {
            sum,
            most_at_once: squares.inside.most(),
            threads_used: squares.inside.threads(),
        }
    })
}

/// The checks every scenario shares, in the order a learner should meet them.
fn check(outcome: &Outcome, numbers: &[u64], threads: usize) {
    let expected: u64 = numbers.iter().map(|n| n * n).sum();
    let described = format!("{} numbers on {threads} threads", numbers.len());
    EXERCISE.check(
        outcome.most_at_once > 1,
        format!(
            "only 1 of {} threads was ever computing at a time ({described}): each of the \
             others stood waiting until the one computing had finished, so the threads did the \
             work of one",
            outcome.threads_used
        ),
    );
    EXERCISE.check(
        outcome.sum == expected,
        format!(
            "the sum of squares came out as {}, expected {expected} ({described}): a difference \
             of {}, so some squares were lost or counted twice",
            outcome.sum,
            expected.abs_diff(outcome.sum)
        ),
    );
    EXERCISE.check(
        outcome.threads_used == threads,
        format!(
            "{} threads computed squares, for {threads} asked ({described}): one chunk per \
             thread, the chunks as equal as they can be",
            outcome.threads_used
        ),
    );
}

#[test]
fn all_threads_compute_at_once() {
    let numbers: Vec<u64> = (1..=NUMBERS).collect();
    let outcome = run(numbers.clone(), THREADS);
    check(&outcome, &numbers, THREADS);
    EXERCISE.answer_key(|| {
        insta::assert_snapshot!(format!(
            "threads  numbers  sum of squares     most threads computing at once\n\
         {THREADS:>7}  {NUMBERS:>7}  {:>14}     {}\n",
            outcome.sum, outcome.most_at_once
        ))
    });
}

/// Numbers that do not split evenly, and are not in the answer key.
#[test]
fn uneven_numbers_are_split_and_summed_too() {
    let numbers: Vec<u64> = (0..10).map(|k| 1_000 + 37 * k * k).collect();
    let outcome = run(numbers.clone(), THREADS);
    check(&outcome, &numbers, THREADS);
}
