//! Exercise 1.3: taking turns (book: src/ch01/03-taking-turns.md).

use chapter1::taking_turns::TakeTurns;
use support::Exercise;
use support::sim::{Scenario, Step, thread};

const EXERCISE: Exercise = Exercise::new("1.3", "ch01/03-taking-turns.md").with_hang_hint(
    "choose() must return quickly: does it loop while waiting for something to change?",
);

/// Runs a scenario with the learner's policy and reports the timeline.
fn report(title: &str, scenario: Scenario) -> String {
    EXERCISE
        .run(|| scenario.run())
        .unwrap_or_else(|error| EXERCISE.fail(format!("{title}: {error}")))
        .report(title)
}

#[test]
fn three_cpu_bound_threads_take_turns() {
    let threads = [
        thread("T1", [Step::Python(12)]),
        thread("T2", [Step::Python(12)]),
        thread("T3", [Step::Python(8)]),
    ];
    let scenario = Scenario::new().process("python", TakeTurns { turn: 4 }, threads);
    let timeline = report("three CPU-bound threads, turns of 4 ticks", scenario);
    EXERCISE.answer_key(|| insta::assert_snapshot!(timeline));
}

#[test]
fn a_thread_that_blocks_lets_the_others_run() {
    let threads = [
        thread("T1", [Step::Python(6), Step::Io(6), Step::Python(6)]),
        thread("T2", [Step::Python(16)]),
    ];
    let scenario = Scenario::new().process("python", TakeTurns { turn: 4 }, threads);
    let timeline = report("T1 blocks on I/O halfway, turns of 4 ticks", scenario);
    EXERCISE.answer_key(|| insta::assert_snapshot!(timeline));
}

#[test]
fn a_lone_thread_keeps_the_gil() {
    let scenario = Scenario::new().process(
        "python",
        TakeTurns { turn: 4 },
        [thread("T1", [Step::Python(10)])],
    );
    let timeline = report("one thread alone, turns of 4 ticks", scenario);
    EXERCISE.answer_key(|| insta::assert_snapshot!(timeline));
}
