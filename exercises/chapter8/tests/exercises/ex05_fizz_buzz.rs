//! Exercise 8.5: FizzBuzz on four threads (book: src/ch08/05-fizz-buzz.md).

use std::sync::Mutex;

use chapter8::fizz_buzz::FizzBuzz;
use support::Exercise;

use crate::start_orders::{Task, outcome_table, permutations, run_in_order};

const EXERCISE: Exercise = Exercise::new("8.5", "ch08/05-fizz-buzz.md").with_hang_hint(
    "a thread waits for a number that is not its kind and never will be: every thread must also \
     wake up and return once the last number has been printed",
);

const NAMES: [&str; 4] = ["fizz", "buzz", "fizzbuzz", "number"];
const N: u32 = 15;

fn printed_with_start_order(order: &[usize]) -> String {
    let fizz_buzz = FizzBuzz::new(N);
    let printed = Mutex::new(Vec::new());
    let print = |word: String| printed.lock().unwrap().push(word);
    let tasks: Vec<Task> = vec![
        Box::new(|| fizz_buzz.fizz(|| print("fizz".into()))),
        Box::new(|| fizz_buzz.buzz(|| print("buzz".into()))),
        Box::new(|| fizz_buzz.fizzbuzz(|| print("fizzbuzz".into()))),
        Box::new(|| fizz_buzz.number(|number| print(number.to_string()))),
    ];
    run_in_order(order, tasks);
    printed.into_inner().unwrap().join(" ")
}

#[test]
fn four_threads_print_fizzbuzz_in_order_for_every_start_order() {
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
