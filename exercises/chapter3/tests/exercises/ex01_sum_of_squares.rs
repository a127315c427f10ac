//! Exercise 3.1: the CPU-bound task (book: src/ch03/01-cpu-bound-task.md).

use std::ops::Range;

use chapter3::sum_of_squares::{split, sum_of_squares};
use support::Exercise;

use crate::occupancy::squares;

const EXERCISE: Exercise = Exercise::new("3.1", "ch03/01-cpu-bound-task.md")
    .with_hang_hint("a loop whose counter never reaches the end of the range");

fn show(pieces: &[Range<u64>]) -> String {
    let shown: Vec<String> = pieces.iter().map(|p| format!("{p:?}")).collect();
    shown.join(" ")
}

#[test]
fn the_sum_of_squares_in_pieces() {
    let cases: [(Range<u64>, usize); 7] = [
        (0..0, 1),
        (0..10, 1),
        (0..10, 3),
        (5..6, 2),
        (3..9, 4),
        (0..1_000_000, 2),
        (1_000..1_004, 4),
    ];
    let results = EXERCISE.run(move || {
        cases
            .into_iter()
            .map(|(numbers, parts)| {
                let whole = sum_of_squares(numbers.clone());
                let pieces = split(numbers.clone(), parts);
                let by_piece: Vec<u128> = pieces.iter().cloned().map(sum_of_squares).collect();
                (numbers, parts, whole, pieces, by_piece)
            })
            .collect::<Vec<_>>()
    });

    let mut table = format!(
        "{:<14} {:>5}  {:<44} {:>22}\n",
        "numbers", "parts", "pieces", "sum of squares"
    );
    for (numbers, parts, whole, pieces, by_piece) in results {
        EXERCISE.check(
            whole == squares(numbers.clone()),
            format!(
                "sum_of_squares({numbers:?}) returned {whole}, not {}: add i * i for every i in the range, end excluded",
                squares(numbers.clone())
            ),
        );
        EXERCISE.check(
            pieces.len() == parts,
            format!(
                "split({numbers:?}, {parts}) made {} pieces, not {parts}",
                pieces.len()
            ),
        );
        let covered: Vec<u64> = pieces.iter().flat_map(Clone::clone).collect();
        EXERCISE.check(
            covered == numbers.clone().collect::<Vec<_>>(),
            format!(
                "split({numbers:?}, {parts}) gave {}: the pieces must follow each other in order and cover every number once",
                show(&pieces)
            ),
        );
        EXERCISE.check(
            by_piece.iter().sum::<u128>() == whole,
            format!("the pieces of {numbers:?} do not add up to the whole"),
        );
        table.push_str(&format!(
            "{:<14} {parts:>5}  {:<44} {whole:>22}\n",
            format!("{numbers:?}"),
            show(&pieces)
        ));
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

#[test]
fn the_seeds_task_gives_pythons_answer() {
    // The classic tutorial's cpu_bound_task(10_000_000); Python prints 333333283333335000000. It does not
    // fit in a u64: that is why the sum is a u128.
    let total = EXERCISE.run(|| sum_of_squares(0..10_000_000));
    EXERCISE.check(
        total == 333_333_283_333_335_000_000,
        format!(
            "sum_of_squares(0..10_000_000) returned {total}, Python says 333333283333335000000"
        ),
    );
}
