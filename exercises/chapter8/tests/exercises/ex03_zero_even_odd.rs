//! Exercise 8.3: zero, even, odd (book: src/ch08/03-zero-even-odd.md).

use std::sync::Mutex;

use chapter8::zero_even_odd::ZeroEvenOdd;
use support::Exercise;

use super::every_interleaving::{self, printed_by};
use super::start_orders::{
    Outcome, Start, Task, check_printed_all_at_once, outcome_table,
    printed_in_every_order_for_each_n, start,
};

const EXERCISE: Exercise = Exercise::new("8.3", "ch08/03-zero-even-odd.md").with_hang_hint(
    "a thread waits for a turn nobody hands it: after each zero, is it the odd or the even \
     thread's turn, and does the state say so? Does every thread stop after its last number?",
);

const NAMES: [&str; 3] = ["zero", "even", "odd"];

fn printed(how: Start, n: u32) -> Outcome {
    let zero_even_odd = ZeroEvenOdd::new(n);
    let printed = Mutex::new(String::new());
    let print = |number: u32| printed.lock().unwrap().push_str(&number.to_string());
    let tasks: Vec<Task> = vec![
        Box::new(|| zero_even_odd.zero(print)),
        Box::new(|| zero_even_odd.even(print)),
        Box::new(|| zero_even_odd.odd(print)),
    ];
    start(how, tasks).map_err(|stuck| stuck.describe(&NAMES))?;
    Ok(printed.into_inner().unwrap())
}

/// "0102...0n", computed here for any `n`.
fn expected(n: u32) -> String {
    (1..=n).map(|number| format!("0{number}")).collect()
}

#[test]
fn zeros_odds_and_evens_interleave_whatever_the_start_order() {
    let runs = printed_in_every_order_for_each_n(EXERCISE, &[1, 2, 7], &NAMES, printed);
    EXERCISE.answer_key(|| insta::assert_snapshot!(outcome_table(&runs)));
}

#[test]
fn zeros_odds_and_evens_interleave_when_started_at_the_same_moment() {
    check_printed_all_at_once(EXERCISE, vec![0, 3, 4, 10, 11], 4, printed, expected);
}

#[test]
fn every_interleaving_interleaves() {
    // At most 1 forced switch per interleaving: three threads have too many interleavings
    // otherwise (2 switches take half a second in a debug build).
    every_interleaving::check(EXERCISE, Some(1), || {
        use chapter8::under_loom::zero_even_odd::ZeroEvenOdd;
        let printed = printed_by(
            ZeroEvenOdd::new(2),
            |zeo, print| zeo.zero(|number| print(&number.to_string())),
            &[
                |zeo, print| zeo.even(|number| print(&number.to_string())),
                |zeo, print| zeo.odd(|number| print(&number.to_string())),
            ],
            "",
        );
        assert!(
            printed == "0102",
            "with n=2 the threads printed \"{printed}\""
        );
    });
}
