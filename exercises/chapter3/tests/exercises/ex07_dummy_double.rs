//! Exercise 3.7: a dummy exercise that doubles (book: src/ch03/07-dummy-double.md).

use chapter3::dummy_double::dummy_double;
use support::Exercise;
use support::testkit::Table;

const EXERCISE: Exercise = Exercise::new("3.7", "ch03/07-dummy-double.md");

#[test]
fn dummy_double_answers() {
    let inputs = [0, 1, 2];
    let answers = EXERCISE.run(move || inputs.map(dummy_double));
    let mut table = Table::with_header(["input", "answer"]);
    for (input, answer) in inputs.iter().zip(answers) {
        EXERCISE.check(
            answer == input * 2,
            format!(
                "dummy_double({input}) = {answer}: twice {input} is {}",
                input * 2
            ),
        );
        table.row([input.to_string(), answer.to_string()]);
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(table.to_string()));
}
