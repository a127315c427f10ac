//! What the workarounds for CPU-bound work cost and gain, measured in release mode:
//!
//! ```text
//! cargo build --release -p chapter4-solution
//! cargo run --release -p chapter4-solution --example pool_costs
//! ```
//!
//! Three tables: the classic tutorial's CPU-bound task four ways (one thread, threads under one GIL, threads
//! without one, a process pool, rayon); what one tiny task costs on each; and what moving data
//! to a worker process and back costs against moving it to a thread. Medians of several runs.

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use chapter4::interpreter::Interpreter;
use chapter4::process_pool::Pool;
use chapter4::protocol::{Answer, Task};
use chapter4::rayon::par_map;
use chapter4::worker::sum_of_squares;
use support::testkit::median_time;

const RUNS: usize = 5;
/// The classic tutorial runs `cpu_intensive(10_000_000)` four times; Rust needs more to take a while.
const TASKS: usize = 4;
const N: u64 = 100_000_000;
const TINY_TASKS: u64 = 20_000;

fn main() {
    let worker = worker_program();
    let mut pool = Pool::new(&worker, 2).expect("start the pool");

    println!("CPU-bound: {TASKS} tasks of sum_of_squares({N}), median of {RUNS} runs");
    println!("{:<36} {:>10} {:>9}", "approach", "time", "speedup");
    let work = vec![N; TASKS];
    let one_thread = median_time(RUNS, || {
        black_box(work.iter().map(|&n| sum_of_squares(n)).collect::<Vec<_>>());
    });
    let rows: Vec<(&str, Duration)> = vec![
        ("one thread", one_thread),
        (
            "4 threads under one GIL",
            median_time(RUNS, || {
                let interpreter = Interpreter::new();
                thread::scope(|scope| {
                    for &n in &work {
                        let interpreter = &interpreter;
                        // A Python thread holds the GIL for all of its pure-Python work.
                        scope.spawn(move || interpreter.attach(|_py| sum_of_squares(n)));
                    }
                });
            }),
        ),
        (
            "4 threads, no GIL",
            median_time(RUNS, || {
                thread::scope(|scope| {
                    for &n in &work {
                        scope.spawn(move || sum_of_squares(n));
                    }
                });
            }),
        ),
        (
            "process pool, 2 workers (warm)",
            median_time(RUNS, || {
                let tasks = work.iter().map(|&n| Task::SumOfSquares(n)).collect();
                assert!(pool.map(tasks).iter().all(Result::is_ok));
            }),
        ),
        (
            "rayon, global pool",
            median_time(RUNS, || {
                black_box(par_map(&work, sum_of_squares));
            }),
        ),
    ];
    for (approach, time) in &rows {
        println!(
            "{approach:<36} {:>8.0} ms {:>8.2}x",
            time.as_secs_f64() * 1e3,
            one_thread.as_secs_f64() / time.as_secs_f64()
        );
    }

    println!();
    println!(
        "Per-task overhead: {TINY_TASKS} tiny tasks (sum_of_squares(10)), median of {RUNS} runs"
    );
    println!("{:<36} {:>10} {:>12}", "approach", "total", "per task");
    let tiny: Vec<u64> = vec![10; TINY_TASKS as usize];
    let tiny_rows: Vec<(&str, Duration)> = vec![
        (
            "plain loop",
            median_time(RUNS, || {
                black_box(tiny.iter().map(|&n| sum_of_squares(n)).collect::<Vec<_>>());
            }),
        ),
        (
            "rayon par_map",
            median_time(RUNS, || {
                black_box(par_map(&tiny, sum_of_squares));
            }),
        ),
        (
            "process pool, 2 workers (warm)",
            median_time(RUNS, || {
                let tasks = tiny.iter().map(|&n| Task::SumOfSquares(n)).collect();
                pool.map(tasks);
            }),
        ),
        (
            "starting a pool of 2 (no tasks)",
            median_time(RUNS, || {
                let fresh = Pool::new(&worker, 2).expect("start a pool");
                fresh.shutdown().expect("shut the pool down");
            }),
        ),
    ];
    for (approach, time) in &tiny_rows {
        let per_task = if approach.starts_with("starting") {
            "-".to_owned()
        } else {
            format!("{:.2} us", time.as_secs_f64() * 1e6 / TINY_TASKS as f64)
        };
        println!(
            "{approach:<36} {:>7.2} ms {per_task:>12}",
            time.as_secs_f64() * 1e3
        );
    }

    println!();
    println!("Moving data: one round trip of a text payload, median of {RUNS} runs");
    println!(
        "{:>10} {:>22} {:>22}",
        "payload", "to a process and back", "to a thread and back"
    );
    let (to_thread, at_thread) = mpsc::channel::<String>();
    let (from_thread, back_from_thread) = mpsc::channel::<String>();
    let echo = thread::spawn(move || {
        for text in at_thread {
            if from_thread.send(text).is_err() {
                break;
            }
        }
    });
    for size in [1 << 10, 64 << 10, 1 << 20, 16 << 20] {
        let payload = "x".repeat(size);
        let process = median_time(RUNS, || {
            let outcome = pool.map(vec![Task::Echo(payload.clone())]);
            assert!(matches!(&outcome[0], Ok(Answer::Echo(text)) if text.len() == size));
        });
        let thread = median_time(RUNS, || {
            to_thread.send(payload.clone()).expect("echo thread");
            let text = back_from_thread.recv().expect("echo thread");
            assert_eq!(text.len(), size);
        });
        println!(
            "{:>10} {:>19.3} ms {:>19.3} ms",
            human(size),
            process.as_secs_f64() * 1e3,
            thread.as_secs_f64() * 1e3
        );
    }
    drop(to_thread);
    echo.join().expect("echo thread");
    pool.shutdown().expect("shut the pool down");
}

fn human(bytes: usize) -> String {
    if bytes >= 1 << 20 {
        format!("{} MiB", bytes >> 20)
    } else {
        format!("{} KiB", bytes >> 10)
    }
}

/// The worker program, built beside this example by `cargo build --release -p chapter4-solution`.
fn worker_program() -> PathBuf {
    support::program::built_program("chapter4-solution", "chapter4-solution-worker").unwrap_or_else(
        |error| {
            eprintln!("{error}");
            std::process::exit(2);
        },
    )
}
