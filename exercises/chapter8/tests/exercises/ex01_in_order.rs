//! Exercise 8.1: print in order (book: src/ch08/01-in-order.md).

use std::sync::Mutex;

use chapter8::in_order::InOrder;
use support::Exercise;

use super::every_interleaving::{self, printed_by};
use super::start_orders::{
    Outcome, Start, Task, outcome_table, printed_in_every_order, printed_or_fail, start,
};

const EXERCISE: Exercise = Exercise::new("8.1", "ch08/01-in-order.md").with_hang_hint(
    "a thread waits for a turn that never comes: does every step wake the threads waiting for \
     the next one (notify_all), and does each wait re-check its condition in a loop?",
);

const NAMES: [&str; 3] = ["first", "second", "third"];

/// Starts the three threads as `how` says and returns what they printed.
fn printed(how: Start) -> Outcome {
    let in_order = InOrder::new();
    let printed = Mutex::new(Vec::new());
    let print = |name: &'static str| printed.lock().unwrap().push(name);
    let tasks: Vec<Task> = vec![
        Box::new(|| in_order.first(|| print("first"))),
        Box::new(|| in_order.second(|| print("second"))),
        Box::new(|| in_order.third(|| print("third"))),
    ];
    start(how, tasks).map_err(|stuck| stuck.describe(&NAMES))?;
    Ok(printed.into_inner().unwrap().join(" "))
}

#[test]
fn three_threads_print_in_order_whatever_order_they_start_in() {
    let runs = printed_in_every_order(EXERCISE, String::new(), &NAMES, printed);
    EXERCISE.answer_key(|| insta::assert_snapshot!(outcome_table(&runs)));
}

#[test]
fn three_threads_started_at_the_same_moment_print_in_order() {
    const RUNS: usize = 20;
    let runs = EXERCISE.run(|| {
        (0..RUNS)
            .map(|run| {
                (
                    format!("all at once (run {run})"),
                    printed(Start::AllAtOnce),
                )
            })
            .collect::<Vec<_>>()
    });
    for (label, printed) in printed_or_fail(EXERCISE, runs) {
        EXERCISE.check(
            printed == "first second third",
            format!("with the three threads started {label}, they printed \"{printed}\""),
        );
    }
}

#[test]
fn every_interleaving_prints_in_order() {
    every_interleaving::check(EXERCISE, None, || {
        use chapter8::under_loom::in_order::InOrder;
        let printed = printed_by(
            InOrder::new(),
            |in_order, print| in_order.first(|| print("first")),
            &[
                |in_order, print| in_order.third(|| print("third")),
                |in_order, print| in_order.second(|| print("second")),
            ],
            " ",
        );
        assert!(
            printed == "first second third",
            "the threads printed \"{printed}\""
        );
    });
}
