//! Mistake 2, measured: when is a task too small for its overhead?
//!
//!     cargo run --release -p chapter7-solution --example crossover
//!
//! The same work, cut into tasks of a given size, runs three ways on 2 workers: sequentially;
//! one thread started per task (the overhead paid per task, as a process pool pays a message
//! per task); and in chunks from exercise 7.2's `plan_chunks`, each chunk worth at least 1 ms.
//! Prints the median of 5 runs of each, the three ways taking turns.

use std::hint::black_box;
use std::thread;
use std::time::{Duration, Instant};

use chapter7::tiny_tasks::plan_chunks;
use support::testkit::median;

const WORKERS: usize = 2;
const RUNS: usize = 5;
/// The smallest chunk worth a thread of its own, in time.
const CHUNK_WORTH: Duration = Duration::from_millis(1);
const TASK_SIZES_US: [f64; 7] = [0.1, 1.0, 5.0, 20.0, 100.0, 500.0, 2000.0];

/// Arithmetic that takes a known time: `iterations` rounds of a multiply-add.
fn spin(iterations: u64) -> u64 {
    (0..iterations).fold(1u64, |acc, n| {
        black_box(acc.wrapping_mul(31).wrapping_add(n))
    })
}

/// How many `spin` iterations take one microsecond on this machine.
fn iterations_per_microsecond() -> f64 {
    let probe = 50_000_000;
    let started = Instant::now();
    black_box(spin(probe));
    probe as f64 / (started.elapsed().as_secs_f64() * 1e6)
}

/// Times each way `RUNS` times, taking turns so that a burst of load hits them all alike, and
/// returns each way's median.
fn medians_of_runs<const WAYS: usize>(ways: [&dyn Fn(); WAYS]) -> [Duration; WAYS] {
    let mut times = [(); WAYS].map(|_| Vec::with_capacity(RUNS));
    for _ in 0..RUNS {
        for (way, samples) in ways.iter().zip(&mut times) {
            let started = Instant::now();
            way();
            samples.push(started.elapsed());
        }
    }
    times.map(median)
}

fn sequential(tasks: usize, iterations: u64) {
    for _ in 0..tasks {
        black_box(spin(iterations));
    }
}

/// Every task pays for a thread start; `WORKERS` tasks run at a time.
fn thread_per_task(tasks: usize, iterations: u64) {
    for wave in (0..tasks).step_by(WORKERS) {
        thread::scope(|scope| {
            for _ in wave..(wave + WORKERS).min(tasks) {
                scope.spawn(move || black_box(spin(iterations)));
            }
        });
    }
}

/// A thread per chunk; no chunk smaller than `min_chunk` tasks.
fn chunked(tasks: usize, iterations: u64, min_chunk: usize) {
    let chunks = plan_chunks(tasks, WORKERS, min_chunk);
    for wave in chunks.chunks(WORKERS) {
        thread::scope(|scope| {
            for chunk in wave {
                scope.spawn(move || {
                    for _ in chunk.clone() {
                        black_box(spin(iterations));
                    }
                });
            }
        });
    }
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

fn main() {
    let per_us = iterations_per_microsecond();
    println!(
        "{WORKERS} workers, median of {RUNS} runs, about 40 ms of work (at most 20,000 tasks) per row\n"
    );
    println!(
        "| task size | tasks | sequential ms | thread per task ms | speedup | chunked ms | min chunk | speedup |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for task_us in TASK_SIZES_US {
        let iterations = (task_us * per_us).round().max(1.0) as u64;
        let tasks = ((40_000.0 / task_us) as usize).clamp(20, 20_000);
        let min_chunk = (CHUNK_WORTH.as_secs_f64() * 1e6 / task_us).ceil() as usize;
        let [alone, per_task, in_chunks] = medians_of_runs([
            &|| sequential(tasks, iterations),
            &|| thread_per_task(tasks, iterations),
            &|| chunked(tasks, iterations, min_chunk),
        ]);
        println!(
            "| {task_us} us | {tasks} | {:.1} | {:.1} | {:.2}x | {:.1} | {min_chunk} | {:.2}x |",
            ms(alone),
            ms(per_task),
            alone.as_secs_f64() / per_task.as_secs_f64(),
            ms(in_chunks),
            alone.as_secs_f64() / in_chunks.as_secs_f64(),
        );
    }
}
