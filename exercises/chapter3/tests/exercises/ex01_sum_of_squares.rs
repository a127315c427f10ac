//! Exercise 3.1: the CPU-bound task (book: src/ch03/01-cpu-bound-task.md).

use std::ops::Range;

use chapter3::sum_of_squares::{split, sum_of_squares};
use support::Exercise;

use super::occupancy::{expected_pieces, squares};

const EXERCISE: Exercise = Exercise::new("3.1", "ch03/01-cpu-bound-task.md")
    .with_hang_hint("a loop whose counter never reaches the end of the range");

fn show(pieces: &[Range<u64>]) -> String {
    let shown: Vec<String> = pieces.iter().map(|p| format!("{p:?}")).collect();
    shown.join(" ")
}

fn check_sum(numbers: Range<u64>, sum: u128) {
    let expected = squares(numbers.clone());
    EXERCISE.check(
        sum == expected,
        format!(
            "sum_of_squares({numbers:?}) returned {sum}, not {expected}: add i * i for every i in the \
             range, end excluded, in a u128 (i * i overflows a u64 above 4294967295)"
        ),
    );
}

/// Checks `split(numbers, parts)`, saying which promise it broke.
fn check_split(numbers: Range<u64>, parts: usize, pieces: &[Range<u64>]) {
    let call = format!("split({numbers:?}, {parts}) gave {}", show(pieces));
    EXERCISE.check(
        pieces.len() == parts,
        format!("{call}: {} pieces, not {parts}", pieces.len()),
    );
    let mut next = numbers.start;
    for piece in pieces {
        EXERCISE.check(
            piece.start == next && piece.start <= piece.end,
            format!(
                "{call}: the pieces must follow each other in order, each starting where the \
                 last ended (the first at {})",
                numbers.start
            ),
        );
        next = piece.end;
    }
    EXERCISE.check(
        next == numbers.end.max(numbers.start),
        format!(
            "{call}: the pieces must cover {numbers:?} exactly, ending at {}",
            numbers.end
        ),
    );
    let sizes: Vec<u64> = pieces.iter().map(|p| p.end - p.start).collect();
    let (small, large) = (sizes.iter().min(), sizes.iter().max());
    EXERCISE.check(
        large
            .zip(small)
            .is_none_or(|(large, small)| large - small <= 1),
        format!("{call}: sizes {sizes:?} differ by more than one; share the numbers evenly"),
    );
    EXERCISE.check(
        pieces == expected_pieces(numbers.clone(), parts),
        format!(
            "{call}: sizes {sizes:?}; the extra numbers (len % parts of them) go to the first \
             pieces, one each"
        ),
    );
}

/// Not in the answer key: every small range and number of pieces, and squares of numbers too
/// big for a u64.
#[test]
fn every_small_split_and_big_squares() {
    let grid: Vec<(Range<u64>, usize)> = (0..4)
        .flat_map(|start| (0..13).map(move |len| start..start + len))
        .flat_map(|numbers| (1..16).map(move |parts| (numbers.clone(), parts)))
        .collect();
    let big: Vec<Range<u64>> = vec![
        4_294_967_290..4_294_967_300,
        (1 << 41) - 5..1 << 41,
        1 << 40..(1 << 40) + 17,
        // Backwards, so empty: nothing to add.
        Range { start: 9, end: 3 },
    ];
    let (splits, sums) = EXERCISE.run(move || {
        let splits: Vec<_> = grid
            .into_iter()
            .map(|(numbers, parts)| (numbers.clone(), parts, split(numbers, parts)))
            .collect();
        let sums: Vec<_> = big
            .into_iter()
            .map(|numbers| (numbers.clone(), sum_of_squares(numbers)))
            .collect();
        (splits, sums)
    });
    for (numbers, parts, pieces) in splits {
        check_split(numbers, parts, &pieces);
    }
    for (numbers, sum) in sums {
        check_sum(numbers, sum);
    }
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
        check_sum(numbers.clone(), whole);
        check_split(numbers.clone(), parts, &pieces);
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
