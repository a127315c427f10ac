//! The watchdog turns every way learner code can go wrong into one readable message.

use std::time::Duration;

use support::Exercise;

mod common;
use common::{assert_says, failure_starting};

const EXERCISE: Exercise =
    Exercise::new("9.9", "ch09/99-example.md").with_hang_hint("the usual cause");

#[test]
fn a_returned_value_is_passed_through() {
    assert_eq!(EXERCISE.run(|| 6 * 7), 42);
}

#[test]
fn an_untouched_stub_says_not_implemented_with_its_place() {
    let message = failure_starting(
        "exercise 9.9 is not implemented yet (the todo!() at support/tests/watchdog.rs:",
        || {
            EXERCISE.run(|| -> u32 { todo!() });
        },
    );
    assert!(
        message.ends_with("see src/ch09/99-example.md in the book"),
        "{message}"
    );
    assert!(!message.contains('\n'), "one line: {message}");
}

#[test]
fn a_todo_in_a_thread_the_learner_spawned_is_still_reported_as_not_implemented() {
    failure_starting("exercise 9.9 is not implemented yet", || {
        EXERCISE
            .run(|| std::thread::scope(|scope| scope.spawn(|| -> u32 { todo!() }).join().unwrap()));
    });
}

#[test]
fn a_panic_is_reported_with_its_message_and_place() {
    let message = failure_starting(
        "exercise 9.9: your code panicked at support/tests/watchdog.rs:",
        || {
            EXERCISE.run(|| -> u32 { panic!("index out of bounds") });
        },
    );
    assert_says(&message, &["index out of bounds"]);
    assert!(
        message.ends_with("Read src/ch09/99-example.md in the book"),
        "{message}"
    );
}

#[test]
fn a_deadlock_ends_within_the_limit_with_the_hint() {
    let message = failure_starting("exercise 9.9: did not finish within ", || {
        EXERCISE.run_within(Duration::from_millis(500), || {
            // Waits for a wake-up nobody sends: uses no CPU at all.
            loop {
                std::thread::park();
            }
        });
    });
    assert_says(
        &message,
        &[
            "a deadlock (a lock never released, a wake-up never sent)",
            "Nothing ran for 500 ms: every thread is waiting",
            "Likely cause: the usual cause",
        ],
    );
}

#[test]
fn a_failed_check_names_the_exercise_and_its_page() {
    let message = failure_starting("exercise 9.9: ", || {
        EXERCISE.check(1 + 1 == 3, "arithmetic is broken")
    });
    assert_eq!(
        message,
        "exercise 9.9: arithmetic is broken. Read src/ch09/99-example.md in the book"
    );
}

#[test]
fn a_wrong_answer_points_at_the_diff_not_at_accepting_it() {
    let message = failure_starting("exercise 9.9: ", || {
        EXERCISE.answer_key(|| assert_eq!("expected", "yours"))
    });
    assert_says(
        &message,
        &[
            "your output differs from the answer key",
            "Change your code, not the .snap file",
        ],
    );
}

#[test]
fn a_failure_of_learner_code_inside_the_answer_check_keeps_its_own_message() {
    failure_starting("exercise 9.9 is not implemented yet", || {
        EXERCISE.answer_key(|| {
            let answer = EXERCISE.run(|| -> String { todo!() });
            assert_eq!(answer, "expected");
        })
    });
}
