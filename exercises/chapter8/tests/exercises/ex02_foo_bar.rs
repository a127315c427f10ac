//! Exercise 8.2: foo and bar, alternately (book: src/ch08/02-foo-bar.md).

use std::sync::Mutex;

use chapter8::foo_bar::FooBar;
use support::Exercise;

use crate::start_orders::{Task, outcome_table, permutations, run_in_order};

const EXERCISE: Exercise = Exercise::new("8.2", "ch08/02-foo-bar.md").with_hang_hint(
    "one side waits for a turn the other never hands over: after printing, flip the turn and \
     notify while still holding the lock",
);

const ROUNDS: usize = 5;

fn printed_with_start_order(order: &[usize], rounds: usize) -> String {
    let foo_bar = FooBar::new(rounds);
    let printed = Mutex::new(String::new());
    let tasks: Vec<Task> = vec![
        Box::new(|| foo_bar.foo(|| printed.lock().unwrap().push_str("foo"))),
        Box::new(|| foo_bar.bar(|| printed.lock().unwrap().push_str("bar"))),
    ];
    run_in_order(order, tasks);
    printed.into_inner().unwrap()
}

#[test]
fn foo_and_bar_alternate_whichever_thread_starts_first() {
    let runs = EXERCISE.run(|| {
        let mut runs = Vec::new();
        for rounds in [1, ROUNDS] {
            for order in permutations(2) {
                let names: Vec<&str> = order.iter().map(|&i| ["foo", "bar"][i]).collect();
                let label = format!("n={rounds}: {}", names.join(", "));
                runs.push((label, printed_with_start_order(&order, rounds)));
            }
        }
        runs
    });
    EXERCISE.answer_key(|| insta::assert_snapshot!(outcome_table(&runs)));
}
