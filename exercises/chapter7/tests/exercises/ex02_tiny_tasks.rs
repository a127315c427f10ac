//! Exercise 7.2: tasks too small for their overhead (book: src/ch07/02-tiny-tasks.md).

use std::fmt::Write;

use chapter7::tiny_tasks::plan_chunks;
use support::Exercise;

const EXERCISE: Exercise = Exercise::new("7.2", "ch07/02-tiny-tasks.md");
const MISTAKE: &str = "tasks too small for their overhead";

/// (items, workers, smallest chunk worth a task)
const PLANS: [(usize, usize, usize); 8] = [
    (10, 4, 1_000),
    (1_000, 2, 1_000),
    (2_500, 2, 1_000),
    (10_000, 2, 1_000),
    (1_000_000, 2, 1_000),
    (1_000_000, 8, 1_000),
    (100, 2, 1),
    (0, 2, 1_000),
];

#[test]
fn chunks_are_never_smaller_than_worth_a_task() {
    let plans = EXERCISE.run(|| PLANS.map(|(len, workers, min)| plan_chunks(len, workers, min)));
    let mut table = String::from(
        "| items | workers | min chunk | chunks | smallest | largest |\n|---:|---:|---:|---:|---:|---:|\n",
    );
    for ((len, workers, min_chunk), chunks) in PLANS.into_iter().zip(plans) {
        let call = format!("plan_chunks({len}, {workers}, {min_chunk})");
        let mut next = 0;
        for chunk in &chunks {
            EXERCISE.check(
                chunk.start == next && chunk.end > chunk.start && chunk.end <= len,
                format!(
                    "{call} returned {chunks:?}: the chunks must cover 0..{len} in order, each \
                     item once, none empty"
                ),
            );
            next = chunk.end;
        }
        EXERCISE.check(
            next == len,
            format!("{call} stops at item {next} of {len}: every item needs a chunk"),
        );
        let smallest = chunks.iter().map(|chunk| chunk.len()).min().unwrap_or(0);
        let largest = chunks.iter().map(|chunk| chunk.len()).max().unwrap_or(0);
        EXERCISE.check(
            chunks.len() <= 1 || smallest >= min_chunk,
            format!(
                "mistake still present ({MISTAKE}): {call} made {} chunks, the smallest of \
                 {smallest} items; no chunk may be smaller than min_chunk = {min_chunk}",
                chunks.len()
            ),
        );
        writeln!(
            table,
            "| {len} | {workers} | {min_chunk} | {} | {smallest} | {largest} |",
            chunks.len()
        )
        .unwrap();
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}
