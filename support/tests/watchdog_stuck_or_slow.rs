//! The watchdog tells stuck from slow: an endless loop ends within its CPU budget, a run that is
//! slow but keeps making progress passes, and the rule itself, on made-up clocks, gives each
//! verdict exactly where it should. (A binary of its own: the endless loop's CPU time would
//! otherwise count as progress for the deadlock in `watchdog.rs`.)

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use cpu_time::ThreadTime;
use support::Exercise;
use support::exercise::{Hang, HangRule, wall_cap};

mod common;
use common::{assert_says, failure_starting};

const EXERCISE: Exercise = Exercise::new("9.9", "ch09/99-example.md");

const MS: Duration = Duration::from_millis(1);

/// Uses `amount` of this thread's CPU time (however long that takes on a busy machine).
fn burn(amount: Duration) {
    let start = ThreadTime::now();
    while start.elapsed() < amount {
        std::hint::black_box(0);
    }
}

/// One test, so that its parts run one after the other: the spinning thread of the endless loop
/// is stopped before the slow run starts.
#[test]
fn an_endless_loop_fails_and_a_slow_run_that_progresses_passes() {
    let stop = Arc::new(AtomicBool::new(false));
    let spinning = Arc::clone(&stop);
    let message = failure_starting("exercise 9.9: did not finish within ", || {
        EXERCISE.run_within(Duration::from_millis(500), move || {
            // An endless loop (bounded here only so that the test binary stops it).
            while !spinning.load(Ordering::Relaxed) {
                std::hint::black_box(0);
            }
        });
    });
    stop.store(true, Ordering::Relaxed);
    assert_says(&message, &["or an endless loop"]);
    // On a very busy machine the loop may get too little CPU to spend its budget before the
    // wall-clock cap: both verdicts end the run, the first one says more.
    assert!(
        message.contains("It used 500 ms of CPU time without finishing")
            || message.contains("It kept running slowly"),
        "{message}"
    );

    // Slow but progressing: 3 times the limit in wall-clock time, a tenth of it in CPU time, and
    // never a limit without CPU work. The old wall-clock watchdog called this a deadlock.
    let limit = Duration::from_millis(500);
    let finished = EXERCISE.run_within(limit, move || {
        for _ in 0..10 {
            burn(5 * MS);
            std::thread::sleep(150 * MS);
        }
        "finished"
    });
    assert_eq!(finished, "finished");
}

/// The limit of the rule's tests: the watchdog's own.
const LIMIT: Duration = Duration::from_millis(5000);

/// The rule's verdict after each reading (ms since the start, ms of CPU time the process has
/// used), for a process that had used `cpu_at_start` ms when the run started.
fn verdicts(cpu_at_start: u32, readings: &[(u32, u32)]) -> Vec<Option<Hang>> {
    let mut rule = HangRule::new(LIMIT, cpu_at_start * MS);
    readings
        .iter()
        .map(|&(at, cpu)| rule.observe(at * MS, cpu * MS))
        .collect()
}

#[test]
fn the_rule_calls_no_cpu_for_a_whole_limit_a_stall() {
    // The watchdogs' own ticks cost a little CPU: not progress.
    let readings = [(2000, 1002), (4900, 1005), (5000, 1006)];
    assert_eq!(verdicts(1000, &readings), [None, None, Some(Hang::Stalled)]);
}

#[test]
fn the_rule_lets_slow_progress_run_past_the_limit() {
    // 20 ms of CPU every 4 s of wall-clock time, up to the cap: a starved but progressing run.
    let readings: Vec<(u32, u32)> = (1..=7).map(|step| (step * 4000, step * 20)).collect();
    assert_eq!(verdicts(0, &readings), [None; 7]);
}

#[test]
fn the_rule_calls_a_whole_limit_of_cpu_time_busy() {
    // 300 ms of CPU already used when the run started do not count.
    let readings = [(3000, 3000), (4000, 5299), (4100, 5300)];
    assert_eq!(verdicts(300, &readings), [None, None, Some(Hang::Busy)]);
}

#[test]
fn the_rule_stops_slow_progress_at_the_wall_clock_cap() {
    let mut rule = HangRule::new(LIMIT, Duration::ZERO);
    let cap = wall_cap(LIMIT);
    let mut at = Duration::ZERO;
    let mut cpu = Duration::ZERO;
    while at + 1000 * MS < cap {
        at += 1000 * MS;
        cpu += 50 * MS;
        assert_eq!(rule.observe(at, cpu), None, "at {at:?}");
    }
    assert_eq!(rule.observe(cap, cpu + 50 * MS), Some(Hang::TooLong));
}
