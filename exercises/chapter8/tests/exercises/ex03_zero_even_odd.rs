//! Exercise 8.3: zero, even, odd (book: src/ch08/03-zero-even-odd.md).

use std::sync::{Arc, Mutex};

use chapter8::zero_even_odd::ZeroEvenOdd;
use loom::thread;
use support::Exercise;

use crate::every_interleaving;
use crate::start_orders::{
    Outcome, Start, Task, check_all_at_once, outcome_table, permutations, printed_or_fail, start,
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
    let runs = EXERCISE.run(|| {
        let mut runs = Vec::new();
        for n in [1, 2, 7] {
            for order in permutations(NAMES.len()) {
                let names: Vec<&str> = order.iter().map(|&i| NAMES[i]).collect();
                let label = format!("n={n}: {}", names.join(", "));
                runs.push((label, printed(Start::InOrder(&order), n)));
            }
        }
        runs
    });
    let runs = printed_or_fail(EXERCISE, runs);
    EXERCISE.answer_key(|| insta::assert_snapshot!(outcome_table(&runs)));
}

#[test]
fn zeros_odds_and_evens_interleave_when_started_at_the_same_moment() {
    check_all_at_once(
        EXERCISE,
        vec![0, 3, 4, 10, 11],
        4,
        |how, &n| printed(how, n),
        |&n| expected(n),
        |n| format!("n={n}"),
        "the threads printed",
    );
}

#[test]
fn every_interleaving_interleaves() {
    // At most 1 forced switch per interleaving: three threads have too many interleavings
    // otherwise (2 switches take half a second in a debug build).
    every_interleaving::check(EXERCISE, Some(1), || {
        use chapter8::under_loom::zero_even_odd::ZeroEvenOdd;
        // std's Arc: see ex01. The record is loom's Mutex, so that loom also tries switching
        // threads between your code and the print.
        let zero_even_odd = Arc::new(ZeroEvenOdd::new(2));
        let printed = Arc::new(loom::sync::Mutex::new(String::new()));
        let spawn = |side: fn(&ZeroEvenOdd, &mut dyn FnMut(u32))| {
            let (zero_even_odd, printed) = (Arc::clone(&zero_even_odd), Arc::clone(&printed));
            thread::spawn(move || {
                side(&zero_even_odd, &mut |number| {
                    printed.lock().unwrap().push_str(&number.to_string())
                })
            })
        };
        let even = spawn(|zeo, print| zeo.even(print));
        let odd = spawn(|zeo, print| zeo.odd(print));
        zero_even_odd.zero(|number| printed.lock().unwrap().push_str(&number.to_string()));
        even.join().unwrap();
        odd.join().unwrap();
        let printed = printed.lock().unwrap().clone();
        assert!(
            printed == "0102",
            "with n=2 the threads printed \"{printed}\""
        );
    });
}
