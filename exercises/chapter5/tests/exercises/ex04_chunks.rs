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
    insta::assert_snapshot!(table);
}
