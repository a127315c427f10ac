//! The watchdog's own messages travel as a [`Verdict`], a panic payload of their own type: they
//! are known by their type, never by how their text begins.

use std::panic::{self, AssertUnwindSafe};

use support::Exercise;
use support::exercise::Verdict;

const EXERCISE: Exercise = Exercise::new("9.9", "ch09/99-example.md");

/// Runs `f` and returns the verdict it failed with.
fn verdict_of(f: impl FnOnce()) -> Verdict {
    let payload = panic::catch_unwind(AssertUnwindSafe(f)).expect_err("the check should fail");
    payload
        .downcast_ref::<Verdict>()
        .cloned()
        .expect("a failed check fails with a Verdict")
}

#[test]
fn a_failed_check_is_a_verdict_naming_the_exercise_and_its_page() {
    let verdict = verdict_of(|| EXERCISE.check(false, "the sum is 41, not 42"));
    assert_eq!(
        verdict.to_string(),
        "exercise 9.9: the sum is 41, not 42. Read src/ch09/99-example.md in the book"
    );
}

#[test]
fn a_check_that_fails_inside_learner_code_is_passed_on_whole() {
    // A test hands the learner's code a callback that checks an invariant as the code runs;
    // when it fails, the learner reads that verdict, not "your code panicked at ...".
    let verdict = verdict_of(|| {
        EXERCISE.run(|| EXERCISE.check(false, "two threads were inside at once"));
    });
    assert_eq!(
        verdict.to_string(),
        "exercise 9.9: two threads were inside at once. Read src/ch09/99-example.md in the book"
    );
}

#[test]
fn a_learner_panic_whose_text_looks_like_a_verdict_is_still_the_learners_panic() {
    let verdict = verdict_of(|| {
        EXERCISE.run(|| panic!("exercise 1.1: all good"));
    });
    assert!(
        verdict
            .to_string()
            .starts_with("exercise 9.9: your code panicked at support/tests/verdict.rs:"),
        "{verdict}"
    );
}

#[test]
fn a_verdict_raised_while_the_answer_key_is_computed_is_reported_instead_of_a_diff() {
    let verdict = verdict_of(|| {
        EXERCISE.answer_key(|| EXERCISE.fail("the queue lost job 3"));
    });
    assert_eq!(
        verdict.to_string(),
        "exercise 9.9: the queue lost job 3. Read src/ch09/99-example.md in the book"
    );
}
