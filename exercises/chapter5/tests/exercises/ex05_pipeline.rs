//! Exercise 5.5: the pipeline in parallel, order kept (book: src/ch05/05-pipeline.md).

use std::sync::atomic::{AtomicUsize, Ordering};

use chapter5::chunks::{Processed, Record, process_chunk, test_data};
use chapter5::pipeline::{process_parallel, process_sequential};
use support::Exercise;

const EXERCISE: Exercise = Exercise::new("5.5", "ch05/05-pipeline.md");

/// What `process_chunk` saw: how many calls, how many of them on rayon's threads.
#[derive(Default)]
struct Calls {
    chunks: AtomicUsize,
    on_rayon: AtomicUsize,
}

impl Calls {
    fn process(&self, chunk: &[Record]) -> Vec<Processed> {
        self.chunks.fetch_add(1, Ordering::SeqCst);
        if rayon::current_thread_index().is_some() {
            self.on_rayon.fetch_add(1, Ordering::SeqCst);
        }
        process_chunk(chunk)
    }
}

#[test]
fn parallel_output_equals_sequential_for_all_sizes() {
    let mut table = String::from("records  parts  chunks processed  on rayon threads  output\n");
    for (records, parts) in [(10_000, 4), (10_000, 3), (10, 4), (3, 4), (1, 4), (0, 4)] {
        let data = test_data(records);
        let expected = process_sequential(&data, process_chunk);
        let (output, calls) = EXERCISE.run(move || {
            let calls = Calls::default();
            let output = process_parallel(&data, parts, |chunk| calls.process(chunk));
            (output, calls)
        });
        let verdict = if output == expected {
            "same as sequential".to_owned()
        } else if output.len() != expected.len() {
            format!(
                "WRONG: {} records instead of {}",
                output.len(),
                expected.len()
            )
        } else {
            "WRONG: different records or order".to_owned()
        };
        let chunks = calls.chunks.load(Ordering::SeqCst);
        // rayon runs a single piece of work on the calling thread (there is nothing to split),
        // so the count only says something when there are several chunks.
        let on_rayon = if chunks > 1 {
            calls.on_rayon.load(Ordering::SeqCst).to_string()
        } else {
            "-".to_owned()
        };
        table.push_str(&format!(
            "{records:>7}  {parts:>5}  {chunks:>16}  {on_rayon:>16}  {verdict}\n"
        ));
    }
    insta::assert_snapshot!(table);
}

#[test]
fn the_seeds_records_processed() {
    let data = test_data(10_000);
    let output = EXERCISE.run(move || process_parallel(&data, 4, process_chunk));
    let mut table = String::from("id     value       category  score\n");
    for index in [0, 1, 2, 99, 999, 1001, 9_999] {
        let Some(record) = output.get(index) else {
            EXERCISE.fail(format!("record {index} is missing from the output"));
        };
        table.push_str(&format!(
            "{:<6} {:<11} {:<9} {:.1}\n",
            record.id, record.value, record.category, record.score
        ));
    }
    insta::assert_snapshot!(table);
}
