//! Exercise 8.1: print in order (book: src/ch08/01-in-order.md).

use std::sync::Mutex;

use chapter8::in_order::InOrder;
use support::Exercise;

use crate::start_orders::{Task, outcome_table, permutations, run_in_order};

const EXERCISE: Exercise = Exercise::new("8.1", "ch08/01-in-order.md").with_hang_hint(
    "a thread waits for a turn that never comes: does every step wake the threads waiting for \
     the next one (notify_all), and does each wait re-check its condition in a loop?",
);

const NAMES: [&str; 3] = ["first", "second", "third"];

/// Starts the three threads in `order` and returns what they printed.
fn printed_with_start_order(order: &[usize]) -> String {
    let in_order = InOrder::new();
    let printed = Mutex::new(Vec::new());
    let print = |name: &'static str| printed.lock().unwrap().push(name);
    let tasks: Vec<Task> = vec![
        Box::new(|| in_order.first(|| print("first"))),
        Box::new(|| in_order.second(|| print("second"))),
        Box::new(|| in_order.third(|| print("third"))),
    ];
    run_in_order(order, tasks);
    printed.into_inner().unwrap().join(" ")
}

#[test]
fn three_threads_print_in_order_whatever_order_they_start_in() {
    let runs = EXERCISE.run(|| {
        permutations(NAMES.len())
            .into_iter()
            .map(|order| {
                let names: Vec<&str> = order.iter().map(|&i| NAMES[i]).collect();
                (names.join(", "), printed_with_start_order(&order))
            })
            .collect::<Vec<_>>()
    });
    EXERCISE.answer_key(|| insta::assert_snapshot!(outcome_table(&runs)));
}
