//! Running a learner's GIL policy in the simulated scheduler, with limits that turn a broken
//! policy into a message within a second.

use support::Exercise;
use support::sim::{Limits, Scenario, SimError};
use support::timeline::Timeline;

/// Tight limits: with a right policy every scenario here ends within a few hundred ticks and
/// no thread waits more than 12 ticks in a row for the GIL.
pub const LIMITS: Limits = Limits {
    max_ticks: 10_000,
    stall_ticks: 20,
    max_wait: Some(25),
};

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
