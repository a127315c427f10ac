//! The classic tutorial's data pipeline on its 10,000 records: sequential, then in parallel with rayon for
//! several numbers of parts, then on a warm pool of two worker processes. Measured in release
//! mode (the first command builds the worker program, which examples do not get built for them):
//!
//! ```text
//! cargo build --release -p chapter5-solution
//! cargo run --release -p chapter5-solution --example pipeline
//! ```

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use chapter5::chunks::{process_chunk, test_data};
use chapter5::pipeline::{process_parallel, process_sequential};
use chapter5::pool::ChunkPool;
use chapter5::processes::process_in_processes;
use support::testkit::median_time;

const RUNS: usize = 7;

fn main() {
    let data = test_data(10_000);
    let expected = process_sequential(&data, process_chunk);
    println!(
        "{} records, median of {RUNS} runs, {} cores",
        data.len(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!("{:<30} {:>9} {:>9}", "approach", "time", "speedup");
    let sequential = median_time(RUNS, || {
        black_box(process_sequential(&data, process_chunk));
    });
    println!(
        "{:<30} {:>6.2} ms {:>8.2}x",
        "sequential",
        ms(sequential),
        1.0
    );
    for parts in [1, 2, 4, 16, 256] {
        let output = process_parallel(&data, parts, process_chunk);
        assert_eq!(
            output, expected,
            "the parallel output must equal the sequential one"
        );
        let time = median_time(RUNS, || {
            black_box(process_parallel(&data, parts, process_chunk));
        });
        println!(
            "{:<30} {:>6.2} ms {:>8.2}x",
            format!("rayon, {parts} parts"),
            ms(time),
            sequential.as_secs_f64() / time.as_secs_f64()
        );
    }
    let mut pool = ChunkPool::new(&worker_program(), 2).expect("start the pool");
    for parts in [2, 16] {
        let output: Vec<_> = process_in_processes(&mut pool, &data, parts)
            .into_iter()
            .map(|result| result.expect("no worker fails here"))
            .collect();
        assert_eq!(
            output, expected,
            "the pool's output must equal the sequential one"
        );
        let time = median_time(RUNS, || {
            black_box(process_in_processes(&mut pool, &data, parts));
        });
        println!(
            "{:<30} {:>6.2} ms {:>8.2}x",
            format!("process pool of 2, {parts} parts"),
            ms(time),
            sequential.as_secs_f64() / time.as_secs_f64()
        );
    }
    pool.shutdown().expect("shut the pool down");
}

/// The worker program, built beside this example by `cargo build --release -p chapter5-solution`.
fn worker_program() -> PathBuf {
    support::program::built_program("chapter5-solution", "chapter5-solution-worker").unwrap_or_else(
        |error| {
            eprintln!("{error}");
            std::process::exit(2);
        },
    )
}

fn ms(time: Duration) -> f64 {
    time.as_secs_f64() * 1e3
}
