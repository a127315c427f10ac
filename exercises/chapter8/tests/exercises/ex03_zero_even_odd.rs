//! Exercise 8.3: zero, even, odd (book: src/ch08/03-zero-even-odd.md).

use std::sync::Mutex;

use chapter8::zero_even_odd::ZeroEvenOdd;
use support::Exercise;

use crate::start_orders::{Task, outcome_table, permutations, run_in_order};

const EXERCISE: Exercise = Exercise::new("8.3", "ch08/03-zero-even-odd.md").with_hang_hint(
    "a thread waits for a turn nobody hands it: after each zero, is it the odd or the even \
     thread's turn, and does the state say so? Does every thread stop after its last number?",
);

const NAMES: [&str; 3] = ["zero", "even", "odd"];

fn printed_with_start_order(order: &[usize], n: u32) -> String {
    let zero_even_odd = ZeroEvenOdd::new(n);
    let printed = Mutex::new(String::new());
    let print = |number: u32| printed.lock().unwrap().push_str(&number.to_string());
    let tasks: Vec<Task> = vec![
        Box::new(|| zero_even_odd.zero(print)),
        Box::new(|| zero_even_odd.even(print)),
        Box::new(|| zero_even_odd.odd(print)),
    ];
    run_in_order(order, tasks);
    printed.into_inner().unwrap()
}

#[test]
fn zeros_odds_and_evens_interleave_whatever_the_start_order() {
    let runs = EXERCISE.run(|| {
        let mut runs = Vec::new();
        for n in [1, 2, 7] {
            for order in permutations(NAMES.len()) {
                let names: Vec<&str> = order.iter().map(|&i| NAMES[i]).collect();
                let label = format!("n={n}: {}", names.join(", "));
                runs.push((label, printed_with_start_order(&order, n)));
            }
        }
        runs
    });
    EXERCISE.answer_key(|| insta::assert_snapshot!(outcome_table(&runs)));
}
