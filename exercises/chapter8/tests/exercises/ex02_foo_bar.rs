//! Exercise 8.2: foo and bar, alternately (book: src/ch08/02-foo-bar.md).

use std::sync::Mutex;

use chapter8::foo_bar::FooBar;
use support::Exercise;

use super::every_interleaving::{self, printed_by};
use super::start_orders::{
    Outcome, Start, Task, check_printed_all_at_once, outcome_table,
    printed_in_every_order_for_each_n, start,
};

const EXERCISE: Exercise = Exercise::new("8.2", "ch08/02-foo-bar.md").with_hang_hint(
    "one side waits for a turn the other never hands over: after printing, flip the turn and \
     notify while still holding the lock",
);

const NAMES: [&str; 2] = ["foo", "bar"];

fn printed(how: Start, rounds: usize) -> Outcome {
    let foo_bar = FooBar::new(rounds);
    let printed = Mutex::new(String::new());
    let tasks: Vec<Task> = vec![
        Box::new(|| foo_bar.foo(|| printed.lock().unwrap().push_str("foo"))),
        Box::new(|| foo_bar.bar(|| printed.lock().unwrap().push_str("bar"))),
    ];
    start(how, tasks).map_err(|stuck| stuck.describe(&NAMES))?;
    Ok(printed.into_inner().unwrap())
}

#[test]
fn foo_and_bar_alternate_whichever_thread_starts_first() {
    let runs = printed_in_every_order_for_each_n(EXERCISE, &[1, 5], &NAMES, printed);
    EXERCISE.answer_key(|| insta::assert_snapshot!(outcome_table(&runs)));
}

#[test]
fn foo_and_bar_started_at_the_same_moment_alternate_for_any_n() {
    check_printed_all_at_once(EXERCISE, vec![0, 2, 3, 8, 13], 4, printed, |n| {
        "foobar".repeat(n)
    });
}

#[test]
fn every_interleaving_alternates() {
    every_interleaving::check(EXERCISE, None, || {
        use chapter8::under_loom::foo_bar::FooBar;
        let printed = printed_by(
            FooBar::new(2),
            |foo_bar, print| foo_bar.foo(|| print("foo")),
            &[|foo_bar, print| foo_bar.bar(|| print("bar"))],
            "",
        );
        assert!(
            printed == "foobarfoobar",
            "the threads printed \"{printed}\""
        );
    });
}
