//! Exercise 7.2: tasks too small for their overhead (book: src/ch07/02-tiny-tasks.md).

use std::fmt::Write;
use std::ops::Range;

use chapter7::tiny_tasks::plan_chunks;
use support::Exercise;

const EXERCISE: Exercise = Exercise::new("7.2", "ch07/02-tiny-tasks.md");

/// (items, workers, smallest chunk worth a task)
const PLANS: [(usize, usize, usize); 9] = [
    (10, 4, 1_000),
    (1_000, 2, 1_000),
    (2_500, 2, 1_000),
    (3_000, 2, 1_000),
    (10_000, 2, 1_000),
    (1_000_000, 2, 1_000),
    (1_000_000, 8, 1_000),
    (100, 2, 1),
    (0, 2, 1_000),
];

/// "1 item", "500 items"
fn items(count: usize) -> String {
    if count == 1 {
        "1 item".to_owned()
    } else {
        format!("{count} items")
    }
}

/// "3 chunks: 2 of 1000 items, then 1 of 500 items", or "10 chunks of 1 item each"
fn sizes(chunks: &[Range<usize>]) -> String {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for chunk in chunks {
        match runs.last_mut() {
            Some((count, size)) if *size == chunk.len() => *count += 1,
            _ => runs.push((1, chunk.len())),
        }
    }
    match runs.as_slice() {
        [] => "no chunks".to_owned(),
        [(1, size)] => format!("1 chunk of {}", items(*size)),
        [(count, size)] => format!("{count} chunks of {} each", items(*size)),
        _ => {
            let runs: Vec<String> = runs
                .iter()
                .map(|(count, size)| format!("{count} of {}", items(*size)))
                .collect();
            format!("{} chunks: {}", chunks.len(), runs.join(", then "))
        }
    }
}

/// The plan the rule in the exercise file describes, written out plainly.
fn rule(len: usize, workers: usize, min_chunk: usize) -> Vec<Range<usize>> {
    let size = len.div_ceil(4 * workers.max(1)).max(min_chunk).max(1);
    let mut starts: Vec<usize> = (0..len).step_by(size).collect();
    if starts.len() > 1 && len - starts[starts.len() - 1] < min_chunk {
        starts.pop();
    }
    let ends = starts.iter().skip(1).copied().chain([len]);
    starts
        .iter()
        .zip(ends)
        .map(|(&start, end)| start..end)
        .collect()
}

/// Checks what every plan must be: all the items, once each, in order, no tiny chunk.
fn check_plan(len: usize, workers: usize, min_chunk: usize, chunks: &[Range<usize>]) {
    let call = format!("plan_chunks({len}, {workers}, {min_chunk})");
    let mut next = 0;
    for chunk in chunks {
        EXERCISE.check(
            chunk.start == next && chunk.end > chunk.start && chunk.end <= len,
            format!(
                "{call} returned {chunks:?}: items are missing, repeated, out of order or in \
                 an empty chunk (each of the {len} items must be in exactly one chunk)"
            ),
        );
        next = chunk.end;
    }
    EXERCISE.check(
        next == len,
        format!("{call} left items {next}..{len} out: no task would ever process them"),
    );
    let smallest = chunks.iter().map(|chunk| chunk.len()).min().unwrap_or(0);
    EXERCISE.check(
        chunks.len() <= 1 || smallest >= min_chunk,
        format!(
            "{call} made {}: tasks of {}, where min_chunk says a task is worth its \
             overhead only from {}",
            sizes(chunks),
            items(smallest),
            items(min_chunk)
        ),
    );
}

#[test]
fn chunks_are_never_smaller_than_worth_a_task() {
    let plans = EXERCISE.run(|| PLANS.map(|(len, workers, min)| plan_chunks(len, workers, min)));
    let mut table = String::from(
        "| items | workers | min chunk | chunks | smallest | largest |\n|---:|---:|---:|---:|---:|---:|\n",
    );
    for ((len, workers, min_chunk), chunks) in PLANS.into_iter().zip(plans) {
        check_plan(len, workers, min_chunk, &chunks);
        let smallest = chunks.iter().map(|chunk| chunk.len()).min().unwrap_or(0);
        let largest = chunks.iter().map(|chunk| chunk.len()).max().unwrap_or(0);
        writeln!(
            table,
            "| {len} | {workers} | {min_chunk} | {} | {smallest} | {largest} |",
            chunks.len()
        )
        .unwrap();
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

/// Every combination of a grid of sizes, around the boundaries of the rule, none of them in the
/// answer key: each plan must be the one the rule describes.
#[test]
fn every_plan_follows_the_rule() {
    let lens = [
        0, 1, 2, 3, 7, 8, 9, 99, 100, 101, 999, 1_000, 1_001, 1_999, 2_000, 2_001, 2_999, 3_001,
        10_007,
    ];
    let cases: Vec<(usize, usize, usize)> = lens
        .iter()
        .flat_map(|&len| (1..=5).map(move |workers| (len, workers)))
        .flat_map(|(len, workers)| [1, 3, 10, 100, 1_000].map(|min| (len, workers, min)))
        .collect();
    let inputs = cases.clone();
    let plans = EXERCISE.run(move || {
        inputs
            .iter()
            .map(|&(len, workers, min)| plan_chunks(len, workers, min))
            .collect::<Vec<_>>()
    });
    for ((len, workers, min_chunk), chunks) in cases.into_iter().zip(plans) {
        check_plan(len, workers, min_chunk, &chunks);
        let expected = rule(len, workers, min_chunk);
        EXERCISE.check(
            chunks == expected,
            format!(
                "plan_chunks({len}, {workers}, {min_chunk}) made {}, where the rule in the \
                 exercise file gives {}",
                sizes(&chunks),
                sizes(&expected)
            ),
        );
    }
}
