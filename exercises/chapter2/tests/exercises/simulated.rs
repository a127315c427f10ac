//! Running a learner's GIL policy in the simulated scheduler, with limits that turn a broken
//! policy into a message within a second.

use support::Exercise;
use support::sim::{Limits, Scenario, SimError, Step, ThreadSpec, Tick, thread};
use support::timeline::Timeline;

/// Tight limits: with a right policy every scenario here ends within a few hundred ticks and
/// no thread waits more than 12 ticks in a row for the GIL.
pub const LIMITS: Limits = Limits {
    max_ticks: 10_000,
    stall_ticks: 20,
    max_wait: Some(25),
};

/// CPU-bound threads T1, T2, ..., each running the given ticks of Python.
pub fn cpu_bound(ticks: impl IntoIterator<Item = Tick>) -> Vec<ThreadSpec> {
    (1..)
        .zip(ticks)
        .map(|(number, ticks)| thread(format!("T{number}"), [Step::Python(ticks)]))
        .collect()
}

/// Runs the scenario with the learner's policy, or fails the test with what went wrong.
pub fn run(exercise: &Exercise, title: &str, scenario: Scenario) -> Timeline {
    let scenario = scenario.limits(LIMITS);
    exercise
        .run(|| scenario.run())
        .unwrap_or_else(|error| exercise.fail(format!("{title}: {error}. {}", advice(&error))))
}

/// What a scheduler error usually means about the policy.
fn advice(error: &SimError) -> &'static str {
    match error {
        SimError::Starvation { .. } => {
            "The holder never let go while another thread waited: a check or a drop request must \
             hand the GIL to a waiter"
        }
        SimError::LostWakeup { .. } => {
            "When the holder blocks or finishes, the GIL is free: give it to the first waiter"
        }
        SimError::Deadlock { .. } => {
            "choose() returned None while threads waited and nobody held the GIL"
        }
        SimError::InvalidGrant { .. } => "choose() may only return the holder or a waiter",
        SimError::TooLong { .. } => "the scenario should end within a few hundred ticks",
    }
}

/// A one-line summary of each wait a thread did for the GIL, e.g. `5 5 5 (mean 5.0, max 5)`.
pub fn waits_of(timeline: &Timeline, thread: &str, operations: usize) -> String {
    let row = timeline
        .row_named(thread)
        .expect("the scenario names this thread");
    let waits: Vec<u64> = row.waits().into_iter().map(|(_, length)| length).collect();
    let total: u64 = waits.iter().sum();
    let listed: Vec<String> = waits.iter().map(u64::to_string).collect();
    format!(
        "{:<24} mean per operation {:>4.1}, max {}",
        if listed.is_empty() {
            "none".to_owned()
        } else {
            listed.join(" ")
        },
        total as f64 / operations as f64,
        waits.iter().max().unwrap_or(&0)
    )
}

/// Two CPU-bound threads `T1` (starting first) and `T2`, with `ticks` of Python each, checked
/// against the rule that they swap the GIL every `period` ticks of Python until one is done and
/// the other runs to its end. For scenarios that are not in the answer key, so that a policy
/// fitted to the book's timelines (its numbers written into the code) fails.
pub fn check_alternation(
    exercise: &Exercise,
    title: &str,
    timeline: &Timeline,
    ticks: [Tick; 2],
    period: Tick,
) {
    let expected = alternating(ticks, period);
    check_stretches(exercise, title, timeline, &expected);
}

/// Checks who held the GIL when ("T1 0-11": first and last tick) against the rule's answer.
pub fn check_stretches(
    exercise: &Exercise,
    title: &str,
    timeline: &Timeline,
    expected: &[impl AsRef<str>],
) {
    let expected: Vec<&str> = expected.iter().map(AsRef::as_ref).collect();
    let got = stretches(timeline);
    if got != expected {
        exercise.fail(format!(
            "{title}: the GIL went {}, but the rule gives {}",
            got.join(", "),
            expected.join(", ")
        ));
    }
}

/// Who held the GIL when, as "T1 0-11" (first and last tick), in order.
fn stretches(timeline: &Timeline) -> Vec<String> {
    let holders = timeline.gil_holders("python");
    let mut stretches = Vec::new();
    let mut start = 0;
    for tick in 0..holders.len() {
        if holders.get(tick + 1) != Some(&holders[tick]) {
            if let Some(row) = holders[tick] {
                stretches.push(format!("{} {start}-{tick}", timeline.rows[row].thread));
            }
            start = tick + 1;
        }
    }
    stretches
}

/// The stretches of the alternation rule of [`check_alternation`].
fn alternating(ticks: [Tick; 2], period: Tick) -> Vec<String> {
    let mut left = ticks;
    let mut now = 0;
    let mut current = 0;
    let mut stretches = Vec::new();
    while left.iter().any(|&ticks| ticks > 0) {
        let other = 1 - current;
        let runs = if left[other] > 0 {
            left[current].min(period)
        } else {
            left[current]
        };
        stretches.push(format!("T{} {now}-{}", current + 1, now + runs - 1));
        left[current] -= runs;
        now += runs;
        if left[other] > 0 {
            current = other;
        }
    }
    stretches
}
