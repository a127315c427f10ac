//! Exercise 8.1: print in order (book: src/ch08/01-in-order.md).

use std::sync::{Arc, Mutex};

use chapter8::in_order::InOrder;
use loom::thread;
use support::Exercise;

use crate::every_interleaving;
use crate::start_orders::{
    Outcome, Start, Task, outcome_table, permutations, printed_or_fail, start,
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
    let runs = EXERCISE.run(|| {
        permutations(NAMES.len())
            .into_iter()
            .map(|order| {
                let names: Vec<&str> = order.iter().map(|&i| NAMES[i]).collect();
                (names.join(", "), printed(Start::InOrder(&order)))
            })
            .collect::<Vec<_>>()
    });
    let runs = printed_or_fail(EXERCISE, runs);
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
        // std's Arc: loom's would abort the test binary if dropped while loom reports a
        // deadlock (tokio-rs/loom issue 291). The record is loom's Mutex, so that loom also
        // tries switching threads between your code and the print.
        let in_order = Arc::new(InOrder::new());
        let printed = Arc::new(loom::sync::Mutex::new(Vec::new()));
        let print =
            |printed: &loom::sync::Mutex<Vec<&str>>, name| printed.lock().unwrap().push(name);
        let spawn = |step: fn(&InOrder, &dyn Fn()), name: &'static str| {
            let (in_order, printed) = (Arc::clone(&in_order), Arc::clone(&printed));
            thread::spawn(move || step(&in_order, &|| print(&printed, name)))
        };
        let third = spawn(|in_order, print| in_order.third(print), "third");
        let second = spawn(|in_order, print| in_order.second(print), "second");
        in_order.first(|| print(&printed, "first"));
        third.join().unwrap();
        second.join().unwrap();
        let printed = printed.lock().unwrap().join(" ");
        assert!(
            printed == "first second third",
            "the threads printed \"{printed}\""
        );
    });
}
