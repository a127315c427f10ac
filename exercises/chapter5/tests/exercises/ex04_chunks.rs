//! Exercise 5.4: chunks that never come out empty (book: src/ch05/04-chunks.md).

use chapter5::chunks::{chunk_list, chunk_size, test_data};
use support::Exercise;

const EXERCISE: Exercise = Exercise::new("5.4", "ch05/04-chunks.md");

#[test]
fn chunks_for_every_input_size_including_empty_and_tiny() {
    let cases: [(u64, usize); 10] = [
        (0, 4),
        (1, 4),
        (3, 4),
        (4, 4),
        (5, 4),
        (10, 4),
        (10_000, 4),
        (10_000, 3),
        (7, 1),
        (7, 0),
    ];
    let mut table =
        String::from("records  parts     len // n  chunk size  chunks  records per chunk\n");
    for (records, parts) in cases {
        let data = test_data(records);
        let given = data.clone();
        let (size, sizes, rejoined) = EXERCISE.run(move || {
            let size = chunk_size(given.len(), parts);
            let chunks = chunk_list(&given, parts);
            let sizes: Vec<usize> = chunks.iter().map(|chunk| chunk.len()).collect();
            let rejoined: Vec<u64> = chunks.iter().flat_map(|c| c.iter().map(|r| r.id)).collect();
            (size, sizes, rejoined)
        });
        let ids: Vec<u64> = data.iter().map(|record| record.id).collect();
        EXERCISE.check(
            rejoined == ids,
            format!(
                "{records} records in {parts} parts: the chunks, joined, must be the input, in \
                 order, each record once"
            ),
        );
        // The classic tutorial's `len(data) // num_processes` (ZeroDivisionError for 0 processes).
        let seed = (records as usize)
            .checked_div(parts)
            .map_or_else(|| "error".to_owned(), |size| size.to_string());
        let shown = if sizes.len() > 5 {
            format!("{} x {}, ...", sizes.len(), sizes[0])
        } else {
            format!("{sizes:?}")
        };
        table.push_str(&format!(
            "{records:>7}  {parts:>5}  {seed:>11}  {size:>10}  {:>6}  {shown}\n",
            sizes.len()
        ));
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

/// Sizes in no answer key, checked against the rules: at most `parts` chunks (one at least),
/// none empty, all of one size but the last, which is no larger; joined, they are the input.
#[test]
fn chunks_keep_their_rules_for_many_sizes() {
    let data = test_data(200);
    for records in (0..=200).step_by(7).chain([2, 6, 9, 11, 13, 197]) {
        for parts in [0, 1, 2, 3, 5, 6, 8, 13, 64, 300] {
            let given = data[..records].to_vec();
            let (size, sizes, rejoined) = EXERCISE.run(move || {
                let chunks = chunk_list(&given, parts);
                (
                    chunk_size(given.len(), parts),
                    chunks.iter().map(|chunk| chunk.len()).collect::<Vec<_>>(),
                    chunks
                        .iter()
                        .flat_map(|chunk| chunk.iter().map(|record| record.id))
                        .collect::<Vec<_>>(),
                )
            });
            let expected_size = records.div_ceil(parts.max(1)).max(1);
            let ids: Vec<u64> = data[..records].iter().map(|record| record.id).collect();
            let fits = size == expected_size
                && rejoined == ids
                && sizes.len() <= parts.max(1)
                && sizes.iter().all(|&len| len > 0)
                && sizes.split_last().is_none_or(|(last, rest)| {
                    rest.iter().all(|&len| len == size) && *last <= size
                });
            EXERCISE.check(
                fits,
                format!(
                    "{records} records in {parts} parts gave chunk size {size} (expected \
                     {expected_size}: round up, at least 1) and chunks of {sizes:?}: at most \
                     {} chunks, none empty, all of the chunk size but the last, in order",
                    parts.max(1)
                ),
            );
        }
    }
}
