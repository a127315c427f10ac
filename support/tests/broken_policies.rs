//! A broken GIL policy must end a simulation at once with an error that names the problem,
//! never hang: the chapters' tests rely on it to explain a learner's mistake.

use support::sim::{
    GilPolicy, HoldUntilBlocked, Limits, LockView, Scenario, SimError, Step, ThreadId, thread,
};

const LIMITS: Limits = Limits {
    max_ticks: 10_000,
    stall_ticks: 20,
    max_wait: Some(50),
};

/// Waits for the others to go first, like two threads each waiting for the other's signal.
struct AfterYou;

impl GilPolicy for AfterYou {
    fn name(&self) -> String {
        "after you".to_owned()
    }

    fn choose(&mut self, view: &LockView<'_>) -> Option<ThreadId> {
        let wanting = view.waiters.len() + usize::from(view.holder.is_some());
        if wanting > 1 {
            None
        } else {
            view.holder
                .map(|holder| holder.thread)
                .or(view.waiters.first().map(|waiter| waiter.thread))
        }
    }
}

/// Hands the GIL over only on the first grant; when a holder releases it, wakes nobody.
struct ForgetsToWake;

impl GilPolicy for ForgetsToWake {
    fn name(&self) -> String {
        "forgets to wake".to_owned()
    }

    fn choose(&mut self, view: &LockView<'_>) -> Option<ThreadId> {
        match (view.holder, view.last_holder) {
            (Some(holder), _) => Some(holder.thread),
            (None, None) => view.waiters.first().map(|waiter| waiter.thread),
            (None, Some(_)) => None,
        }
    }
}

fn error_of(policy: impl GilPolicy + 'static, script_t1: Vec<Step>) -> SimError {
    let threads = [thread("T1", script_t1), thread("T2", [Step::Python(10)])];
    Scenario::new()
        .process("python", policy, threads)
        .limits(LIMITS)
        .run()
        .expect_err("a broken policy must not finish")
}

#[test]
fn a_policy_that_never_hands_over_is_starvation() {
    let error = error_of(HoldUntilBlocked, vec![Step::Python(500)]);
    assert!(matches!(error, SimError::Starvation { .. }), "{error}");
    insta::assert_snapshot!(error.to_string(), @"starvation at tick 50: T2 has waited 51 ticks for the GIL under the policy 'hold until blocked'");
}

#[test]
fn a_policy_that_gives_the_gil_to_nobody_is_a_deadlock() {
    let error = error_of(AfterYou, vec![Step::Python(10)]);
    assert!(matches!(error, SimError::Deadlock { .. }), "{error}");
    insta::assert_snapshot!(error.to_string(), @"deadlock at tick 19: nobody made progress for a long time while T1, T2 waited for the GIL, and the policy 'after you' gave it to nobody");
}

#[test]
fn a_policy_that_wakes_nobody_after_a_release_loses_a_wake_up() {
    let error = error_of(
        ForgetsToWake,
        vec![Step::Python(3), Step::Io(5), Step::Python(3)],
    );
    assert!(matches!(error, SimError::LostWakeup { .. }), "{error}");
    insta::assert_snapshot!(error.to_string(), @"lost wake-up at tick 27: the GIL has been free for 25 ticks while T1, T2 waited for it, and the policy 'forgets to wake' woke nobody");
}

#[test]
fn a_policy_that_wakes_nobody_while_others_work_loses_a_wake_up() {
    let error = error_of(ForgetsToWake, vec![Step::Python(3), Step::Io(100)]);
    assert!(matches!(error, SimError::LostWakeup { .. }), "{error}");
    insta::assert_snapshot!(error.to_string(), @"lost wake-up at tick 22: the GIL has been free for 20 ticks while T2 waited for it, and the policy 'forgets to wake' woke nobody");
}

#[test]
fn a_long_wait_for_a_gil_that_nobody_holds_is_a_lost_wake_up_not_starvation() {
    let threads = [
        thread("T1", [Step::Python(3), Step::Io(100)]),
        thread("T2", [Step::Python(10)]),
    ];
    let limits = Limits {
        max_wait: Some(10),
        ..LIMITS
    };
    let error = Scenario::new()
        .process("python", ForgetsToWake, threads)
        .limits(limits)
        .run()
        .expect_err("a broken policy must not finish");
    assert!(matches!(error, SimError::LostWakeup { .. }), "{error}");
}
