//! Exercise 8.5: FizzBuzz on four threads (book: src/ch08/05-fizz-buzz.md).

use std::sync::Mutex;

use chapter8::fizz_buzz::FizzBuzz;
use support::Exercise;

use super::every_interleaving::{self, printed_by};
use super::start_orders::{
    Outcome, Start, Task, check_printed_all_at_once, outcome_table, printed_in_every_order, start,
};

const EXERCISE: Exercise = Exercise::new("8.5", "ch08/05-fizz-buzz.md").with_hang_hint(
    "a thread waits for a number that is not its kind and never will be: every thread must also \
     wake up and return once the last number has been printed",
);

const NAMES: [&str; 4] = ["fizz", "buzz", "fizzbuzz", "number"];

fn printed(how: Start, n: u32) -> Outcome {
    let fizz_buzz = FizzBuzz::new(n);
    let printed = Mutex::new(Vec::new());
    let print = |word: String| printed.lock().unwrap().push(word);
    let tasks: Vec<Task> = vec![
        Box::new(|| fizz_buzz.fizz(|| print("fizz".into()))),
        Box::new(|| fizz_buzz.buzz(|| print("buzz".into()))),
        Box::new(|| fizz_buzz.fizzbuzz(|| print("fizzbuzz".into()))),
        Box::new(|| fizz_buzz.number(|number| print(number.to_string()))),
    ];
    start(how, tasks).map_err(|stuck| stuck.describe(&NAMES))?;
    Ok(printed.into_inner().unwrap().join(" "))
}

/// FizzBuzz from 1 to `n`, computed here.
fn expected(n: u32) -> String {
    (1..=n)
        .map(|i| match (i % 3, i % 5) {
            (0, 0) => "fizzbuzz".to_owned(),
            (0, _) => "fizz".to_owned(),
            (_, 0) => "buzz".to_owned(),
            _ => i.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn four_threads_print_fizzbuzz_in_order_for_every_start_order() {
    let runs = printed_in_every_order(EXERCISE, String::new(), &NAMES, |how| printed(how, 15));
    EXERCISE.answer_key(|| insta::assert_snapshot!(outcome_table(&runs)));
}

#[test]
fn four_threads_started_at_the_same_moment_print_fizzbuzz_for_any_n() {
    check_printed_all_at_once(EXERCISE, vec![1, 3, 5, 14, 16, 31], 3, printed, expected);
}

#[test]
fn every_interleaving_prints_fizzbuzz() {
    // At most 1 forced switch per interleaving: four threads have too many otherwise.
    every_interleaving::check(EXERCISE, Some(1), || {
        use chapter8::under_loom::fizz_buzz::FizzBuzz;
        let printed = printed_by(
            FizzBuzz::new(3),
            |fb, print| fb.number(|number| print(&number.to_string())),
            &[
                |fb, print| fb.fizz(|| print("fizz")),
                |fb, print| fb.buzz(|| print("buzz")),
                |fb, print| fb.fizzbuzz(|| print("fizzbuzz")),
            ],
            " ",
        );
        assert!(
            printed == "1 2 fizz",
            "with n=3 the threads printed \"{printed}\""
        );
    });
}
