//! Exercise 5.6: the pipeline on a process pool (book: src/ch05/06-processes.md).

use std::path::Path;
use std::time::Duration;

use chapter5::chunks::{Processed, process_chunk, test_data};
use chapter5::pool::ChunkError;
use chapter5::pool::ChunkPool;
use chapter5::processes::{RecordError, process_in_processes};
use support::Exercise;
use support::testkit::Table;

const EXERCISE: Exercise = Exercise::new("5.6", "ch05/06-processes.md").with_hang_hint(
    "the pool answers every chunk it is given; a hang usually means a loop that never ends \
     while flattening the outcomes",
);

/// The worker program that cargo built next to these tests (one source, two names: see
/// `Cargo.toml`).
fn worker_program() -> &'static Path {
    let program = option_env!("CARGO_BIN_EXE_chapter5-worker")
        .or(option_env!("CARGO_BIN_EXE_chapter5-solution-worker"))
        .expect("cargo builds the worker program for these tests: run them with cargo test");
    Path::new(program)
}

/// The processed records of the results that are `Ok`.
fn ok_values<E>(results: &[Result<Processed, E>]) -> Vec<Processed> {
    results
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .cloned()
        .collect()
}

#[test]
fn every_record_comes_back_once_even_when_a_worker_crashes() {
    // Record 5 makes its worker exit mid-chunk, as a worker that crashes on bad data would.
    let mut poisoned = test_data(10);
    poisoned[5].category = Some("exit".to_owned());
    let seed_data = test_data(1_000);
    let seed_expected = process_chunk(&seed_data);
    let given = poisoned.clone();
    let (seed_output, tiny, empty, crashed, exits) =
        EXERCISE.run_within(Duration::from_secs(15), move || {
            let mut pool = ChunkPool::new(worker_program(), 2).expect("start the pool");
            let seed_output = process_in_processes(&mut pool, &seed_data, 4);
            let tiny = process_in_processes(&mut pool, &test_data(3), 4);
            let empty = process_in_processes(&mut pool, &[], 4);
            let crashed = process_in_processes(&mut pool, &given, 4);
            let exits = pool
                .shutdown()
                .map(|statuses| statuses.iter().map(|s| s.code()).collect::<Vec<_>>());
            (seed_output, tiny, empty, crashed, exits)
        });

    let seed_ok = ok_values(&seed_output);
    let mut results = Table::with_header(["records", "parts", "results", "output"]);
    for (records, output, all_ok_and_equal) in [
        (1_000, seed_output.len(), seed_ok == seed_expected),
        (
            3,
            tiny.len(),
            ok_values(&tiny) == process_chunk(&test_data(3)),
        ),
        (0, empty.len(), empty.is_empty()),
    ] {
        EXERCISE.check(
            output == records,
            format!("{records} records went in, {output} results came out: one per record"),
        );
        let verdict = if all_ok_and_equal {
            "same as sequential"
        } else {
            "WRONG"
        };
        results.row([
            records.to_string(),
            "4".to_owned(),
            output.to_string(),
            verdict.into(),
        ]);
    }
    let mut table = results.to_string();

    EXERCISE.check(
        crashed.len() == poisoned.len(),
        format!(
            "{} records went in, {} results came out: a failed chunk must still give one result \
             per record",
            poisoned.len(),
            crashed.len()
        ),
    );
    table.push_str("\n10 records in 4 parts, record 5 crashes its worker:\nid  result\n");
    for (record, result) in poisoned.iter().zip(&crashed) {
        let shown = match result {
            Ok(processed) => format!("ok, value {}", processed.value),
            Err(error) => format!("error: {error}"),
        };
        table.push_str(&format!("{:<3} {shown}\n", record.id));
    }
    table.push_str(&format!("\nshutdown, exit codes: {exits:?}\n"));
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

/// Workers that answer, but wrongly, and workers that break in the middle of a reply. Chunks of
/// two records; one record of each chunk but the first makes its worker misbehave.
#[test]
fn a_reply_that_does_not_answer_the_chunk_is_not_trusted() {
    let misbehaviours = ["short", "renumber", "reverse", "garbage", "half"];
    let mut data = test_data(2 * (misbehaviours.len() as u64 + 1));
    for (chunk, misbehaviour) in misbehaviours.iter().enumerate() {
        data[2 * (chunk + 1) + chunk % 2].category = Some((*misbehaviour).to_owned());
    }
    let parts = misbehaviours.len() + 1;
    let given = data.clone();
    let results = EXERCISE.run_within(Duration::from_secs(15), move || {
        let mut pool = ChunkPool::new(worker_program(), 2).expect("start the pool");
        let results = process_in_processes(&mut pool, &given, parts);
        let _ = pool.shutdown();
        results
    });
    EXERCISE.check(
        results.len() == data.len(),
        format!(
            "{} records went in, {} results came out: one per record, whatever the workers sent \
             (a reply is input: one that does not hold one processed record per record sent \
             gives each record of its chunk RecordError::BadReply)",
            data.len(),
            results.len()
        ),
    );
    let mut table = String::from("chunk  the worker             results\n");
    for (chunk, pair) in results.chunks(2).enumerate() {
        let (what, expected): (&str, Vec<Result<Processed, RecordError>>) = match chunk {
            0 => (
                "answers right",
                process_chunk(&data[..2]).into_iter().map(Ok).collect(),
            ),
            _ => {
                let what = misbehaviours[chunk - 1];
                let error = match what {
                    "garbage" => RecordError::ChunkFailed {
                        chunk,
                        error: ChunkError::Garbage,
                    },
                    "half" => RecordError::ChunkFailed {
                        chunk,
                        error: ChunkError::WorkerExited,
                    },
                    _ => RecordError::BadReply { chunk },
                };
                (what, vec![Err(error); 2])
            }
        };
        let doing = match what {
            "short" => "sends one record short",
            "renumber" => "changes an id",
            "reverse" => "reverses the records",
            "garbage" => "sends garbage",
            "half" => "dies mid-reply",
            _ => what,
        };
        EXERCISE.check(
            pair == expected.as_slice(),
            format!(
                "chunk {chunk}: the worker {doing}, and its records came out as {pair:?}: \
                 {}",
                if chunk == 0 {
                    "a right reply gives each record its processed record"
                } else if matches!(what, "garbage" | "half") {
                    "a failed chunk gives each of its records RecordError::ChunkFailed with the \
                     pool's error"
                } else {
                    "a reply is input: unless it holds one processed record per record sent, \
                     with the same ids in the same order, give each record of the chunk \
                     RecordError::BadReply"
                }
            ),
        );
        let shown: Vec<String> = pair
            .iter()
            .map(|result| match result {
                Ok(processed) => format!("ok {}", processed.id),
                Err(error) => format!("error: {error}"),
            })
            .collect();
        table.push_str(&format!("{chunk:>5}  {doing:<22} {}\n", shown.join("; ")));
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}
