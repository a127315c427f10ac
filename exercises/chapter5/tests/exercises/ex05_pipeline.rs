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
    for (records, parts) in [(1_000, 4), (1_000, 3), (10, 4), (3, 4), (1, 4), (0, 4)] {
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
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
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
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

/// On a pool of 4 threads, the first chunk is held until every other chunk is processed, so the
/// chunks finish out of input order, every run; output gathered as chunks finish shows it. The
/// records are in no answer key.
#[test]
fn the_first_chunk_finishes_last_and_its_records_still_come_first() {
    let data: Vec<Record> = (0..103u64)
        .map(|i| Record {
            id: 1_000 + i * 3,
            value: (i % 4 != 0).then_some(i * 11 % 97),
            category: (i % 5 != 0).then(|| format!("kind {}", i % 3)),
            description: (i % 2 == 0).then(|| "é".repeat(i as usize % 9)),
        })
        .collect();
    let expected = process_chunk(&data);
    let first_id = data[0].id;
    let given = data.clone();
    let (output, held_until_the_rest_were_done) =
        EXERCISE.run_within(std::time::Duration::from_secs(15), move || {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(4)
                .build()
                .expect("a rayon pool");
            let hold = Hold::new(chunk_count(given.len(), 4));
            let output = pool.install(|| {
                process_parallel(&given, 4, |chunk| {
                    let processed = process_chunk(chunk);
                    hold.chunk_done(chunk.first().map(|record| record.id) == Some(first_id));
                    processed
                })
            });
            (output, hold.first_waited_for_the_rest())
        });
    EXERCISE.check(
        output.len() == expected.len(),
        format!(
            "{} records went in, {} came out: one output record per input record",
            expected.len(),
            output.len()
        ),
    );
    let first_wrong = output
        .iter()
        .zip(&expected)
        .position(|(got, want)| got != want);
    EXERCISE.check(
        first_wrong.is_none(),
        format!(
            "the first chunk finished last{}, and output record {} is id {:?} where id {} \
             belongs: flatten the chunks' results in input order (collect, then flatten), not \
             in the order the chunks finish",
            if held_until_the_rest_were_done {
                ""
            } else {
                " (or was processed off rayon's threads)"
            },
            first_wrong.unwrap_or(0),
            first_wrong
                .and_then(|at| output.get(at))
                .map(|record| record.id),
            first_wrong.map_or(0, |at| expected[at].id),
        ),
    );
}

/// How many chunks `chunk_list` makes of `len` records in `parts` (the rule of exercise 5.4).
fn chunk_count(len: usize, parts: usize) -> usize {
    len.div_ceil(len.div_ceil(parts.max(1)).max(1))
}

/// Holds the first chunk until the other chunks are done (bounded, for code that processes the
/// chunks one after another on one thread: then nobody else would ever finish them).
struct Hold {
    others: usize,
    done: std::sync::Mutex<usize>,
    all_done: std::sync::Condvar,
    waited: std::sync::atomic::AtomicBool,
}

impl Hold {
    fn new(chunks: usize) -> Self {
        Self {
            others: chunks.saturating_sub(1),
            done: std::sync::Mutex::new(0),
            all_done: std::sync::Condvar::new(),
            waited: std::sync::atomic::AtomicBool::new(false),
        }
    }

    fn chunk_done(&self, first: bool) {
        let mut done = self.done.lock().unwrap();
        if first {
            if rayon::current_thread_index().is_none() {
                return;
            }
            let (done, _) = self
                .all_done
                .wait_timeout_while(done, std::time::Duration::from_secs(4), |done| {
                    *done < self.others
                })
                .unwrap();
            self.waited.store(*done >= self.others, Ordering::SeqCst);
        } else {
            *done += 1;
            self.all_done.notify_all();
        }
    }

    fn first_waited_for_the_rest(&self) -> bool {
        self.waited.load(Ordering::SeqCst)
    }
}
