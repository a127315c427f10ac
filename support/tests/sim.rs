//! The simulated scheduler: what it records, and how it stops a broken policy.

use support::sim::{
    GilPolicy, HoldUntilBlocked, Limits, LockView, Scenario, SimError, Step, ThreadId, thread,
};

/// One Python process under a plain lock (the GIL held until its thread blocks), with threads
/// A and B running the given scripts.
fn a_and_b(a: impl IntoIterator<Item = Step>, b: impl IntoIterator<Item = Step>) -> Scenario {
    Scenario::new().process("python", HoldUntilBlocked, [thread("A", a), thread("B", b)])
}

#[test]
fn a_plain_lock_runs_threads_one_after_another() {
    let timeline = a_and_b([Step::Python(3)], [Step::Python(2)]).run().unwrap();
    insta::assert_snapshot!(timeline.report("a plain lock"), @r"
    a plain lock
    total: 5 ticks | most threads running Python at once: 1 | GIL hand-offs: 1
    A |===  |
    B |...==|
       0    5  (ticks)
    = runs Python (holds the GIL)   . waits for the GIL
    ");
}

#[test]
fn io_and_native_code_run_without_the_gil() {
    let timeline = a_and_b(
        [Step::Python(2), Step::Io(3), Step::Python(1)],
        [Step::Native(1), Step::Python(3)],
    )
    .run()
    .unwrap();
    insta::assert_snapshot!(timeline.ascii(), @r"
    A |==~~~=|
    B |#.=== |
       0     6  (ticks)
    = runs Python (holds the GIL)   . waits for the GIL   ~ blocks on I/O (GIL released)   # native code (GIL released)
    ");
    assert_eq!(timeline.row_named("B").unwrap().waits(), [(1, 1)]);
}

#[test]
fn scaled_ascii_shows_the_state_that_fills_each_character() {
    let timeline = a_and_b([Step::Python(30)], [Step::Python(10)])
        .run()
        .unwrap();
    insta::assert_snapshot!(support::timeline::ascii(&timeline, 10), @r"
    A |=== |
    B |...=|
       0   40  (ticks, 10 per character)
    = runs Python (holds the GIL)   . waits for the GIL
    ");
}

/// A policy that never gives the GIL to anyone.
struct Nobody;

impl GilPolicy for Nobody {
    fn name(&self) -> String {
        "nobody".into()
    }
    fn choose(&mut self, _: &LockView<'_>) -> Option<ThreadId> {
        None
    }
}

#[test]
fn a_policy_that_grants_nobody_is_a_deadlock() {
    let limits = Limits {
        stall_ticks: 50,
        ..Limits::default()
    };
    let error = Scenario::new()
        .process("python", Nobody, [thread("A", [Step::Python(1)])])
        .limits(limits)
        .run()
        .unwrap_err();
    assert_eq!(
        error,
        SimError::Deadlock {
            policy: "nobody".into(),
            at: 49,
            waiting: vec!["A".into()]
        }
    );
    assert!(
        error.to_string().starts_with("deadlock at tick 49"),
        "{error}"
    );
}

/// A policy that hands the GIL to a thread that did not ask for it.
struct Stranger;

impl GilPolicy for Stranger {
    fn name(&self) -> String {
        "stranger".into()
    }
    fn choose(&mut self, _: &LockView<'_>) -> Option<ThreadId> {
        Some(ThreadId(1))
    }
}

#[test]
fn granting_a_thread_that_is_not_waiting_is_refused() {
    let error = Scenario::new()
        .process(
            "python",
            Stranger,
            [thread("A", [Step::Python(1)]), thread("B", [Step::Io(5)])],
        )
        .run()
        .unwrap_err();
    assert_eq!(
        error,
        SimError::InvalidGrant {
            policy: "stranger".into(),
            at: 0,
            thread: "B".into()
        }
    );
}

#[test]
fn a_wait_past_the_limit_is_starvation() {
    let limits = Limits {
        max_wait: Some(4),
        ..Limits::default()
    };
    let error = a_and_b([Step::Python(10)], [Step::Python(1)])
        .limits(limits)
        .run()
        .unwrap_err();
    assert_eq!(
        error,
        SimError::Starvation {
            policy: "hold until blocked".into(),
            at: 4,
            thread: "B".into(),
            waited: 5
        }
    );
}

#[test]
fn processes_and_free_threads_run_python_in_parallel() {
    let timeline = Scenario::new()
        .process("p1", HoldUntilBlocked, [thread("P1", [Step::Python(4)])])
        .process("p2", HoldUntilBlocked, [thread("P2", [Step::Python(4)])])
        .free_threaded_process(
            "3.14t",
            [
                thread("T1", [Step::Python(4)]),
                thread("T2", [Step::Python(2)]),
            ],
        )
        .run()
        .unwrap();
    assert_eq!(timeline.total_ticks(), 4);
    assert_eq!(timeline.max_parallel_python(), 4);
    assert_eq!(timeline.handoffs(), 0);
}

#[test]
fn the_same_scenario_gives_the_same_timeline() {
    let run = || {
        a_and_b([Step::Python(3), Step::Io(2)], [Step::Python(3)])
            .run()
            .unwrap()
    };
    assert_eq!(run(), run());
}
