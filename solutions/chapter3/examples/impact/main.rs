//! The Rust side of chapter 3's table: CPU-bound, I/O-bound and mixed work, measured.
//!
//!     cargo run --release -p chapter3-solution --example impact
//!     cargo run --release -p chapter3-solution --example impact -- --quick   # tiny, one run
//!
//! Prints a Markdown table in the same format as the Python lab (`python3 python/gil_lab.py`):
//! the median of several runs of each experiment, and its speedup over the first way of doing
//! that workload, and "cores busy": the process's CPU time over the wall-clock time (1.00 is one
//! core busy all along). The "lock" rows model a GIL with a `Mutex<()>`; the requests go to a
//! local server on 127.0.0.1, in this process, that answers after a fixed latency.

mod clients;
mod server;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::{Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use cpu_time::ProcessTime;
use support::gil::Gil;

use chapter3::amdahl::parallel_fraction;
use chapter3::lock_or_free::{steps, sum_on_free_threads, sum_under_one_lock};
use chapter3::rayon::sum_with_rayon;
use chapter3::requests::all_at_once;
use chapter3::sum_of_squares::sum_of_squares;
use clients::{fetch, fetch_async};
use server::LatencyServer;
use support::testkit::median;

/// How many numbers a thread sums while holding the lock, before it lets go (tens of µs).
const STEP: u64 = 50_000;

struct Settings {
    runs: usize,
    /// Numbers per CPU-bound task.
    n: u64,
    requests: usize,
    latency: Duration,
    /// Numbers summed after each request of the mixed workload.
    mixed_n: u64,
}

impl Settings {
    fn from_args() -> Self {
        let quick = std::env::args().any(|arg| arg == "--quick");
        if quick {
            Self {
                runs: 1,
                n: 200_000,
                requests: 4,
                latency: Duration::from_millis(10),
                mixed_n: 20_000,
            }
        } else {
            Self {
                runs: 5,
                n: 400_000_000,
                requests: 10,
                latency: Duration::from_millis(50),
                mixed_n: 20_000_000,
            }
        }
    }
}

/// One way of doing one workload: a row of the table. `baseline`: Some(true) for the row the
/// others are compared with, Some(false) for the others, None for a row with no speedup.
struct Experiment {
    workload: &'static str,
    how: String,
    workers: usize,
    baseline: Option<bool>,
    /// Runs the experiment once and checks its result.
    run: Box<dyn Fn()>,
}

/// An experiment's row, measured.
struct Row {
    workload: &'static str,
    how: String,
    workers: usize,
    baseline: Option<bool>,
    median_ms: f64,
    /// The process's CPU time (all threads) over the wall-clock time: how many cores were busy.
    cores_busy: f64,
}

/// Runs every experiment once per round, round after round, and keeps each one's median.
/// Interleaving the rounds spreads a change in the machine's load over all rows alike.
fn measure(runs: usize, experiments: Vec<Experiment>) -> Vec<Row> {
    let mut wall = vec![Vec::with_capacity(runs); experiments.len()];
    let mut cpu = vec![Vec::with_capacity(runs); experiments.len()];
    for _ in 0..runs {
        for (index, experiment) in experiments.iter().enumerate() {
            let (start, cpu_start) = (Instant::now(), ProcessTime::now());
            (experiment.run)();
            wall[index].push(start.elapsed().as_secs_f64() * 1000.0);
            cpu[index].push(cpu_start.elapsed().as_secs_f64() * 1000.0);
        }
    }
    experiments
        .into_iter()
        .zip(wall.into_iter().zip(cpu))
        .map(|(experiment, (wall, cpu))| {
            let median_ms = median(wall);
            Row {
                workload: experiment.workload,
                how: experiment.how,
                workers: experiment.workers,
                baseline: experiment.baseline,
                median_ms,
                cores_busy: median(cpu) / median_ms,
            }
        })
        .collect()
}

fn main() {
    let settings = Settings::from_args();
    let cores = thread::available_parallelism().map_or(1, |n| n.get());
    let server = LatencyServer::start(settings.latency).expect("could not start the local server");
    fetch(server.address()).expect("the local server does not answer");

    let mut experiments = cpu_bound(&settings, cores);
    experiments.extend(io_bound(&settings, server.address()));
    experiments.extend(mixed(&settings, server.address()));
    let rows = measure(settings.runs, experiments);

    println!(
        "Rust side of chapter 3: release build, {cores} CPUs; median of {} run(s)",
        settings.runs
    );
    println!(
        "cpu-bound: 2 tasks, each the sum of i*i for i below {}",
        settings.n
    );
    println!(
        "io-bound: {} GET requests to 127.0.0.1, the server waits {} ms before each answer",
        settings.requests,
        settings.latency.as_millis()
    );
    println!(
        "mixed: the same requests, each followed by the sum of i*i for i below {}",
        settings.mixed_n
    );
    println!("a lock: a Mutex<()> standing for the GIL, held {STEP} numbers at a time");
    println!();
    print_table(&rows);
    println!();
    print_notes(&rows, &settings, cores);
}

fn experiment(
    workload: &'static str,
    how: impl Into<String>,
    workers: usize,
    baseline: Option<bool>,
    run: impl Fn() + 'static,
) -> Experiment {
    Experiment {
        workload,
        how: how.into(),
        workers,
        baseline,
        run: Box::new(run),
    }
}

fn cpu_bound(settings: &Settings, cores: usize) -> Vec<Experiment> {
    let n = settings.n;
    let expected = 2 * sum_of_squares(0..n);
    let tasks = [0..n, 0..n];
    let check = move |total: u128| assert_eq!(total, expected, "a CPU-bound run got a wrong sum");
    // A plain mutex: whoever grabs it first (the tests use one that takes turns).
    let gil = Gil::new();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(cores)
        .build()
        .expect("could not start a rayon pool");
    vec![
        experiment("cpu-bound", "one thread, 2 tasks in turn", 1, Some(true), {
            let tasks = tasks.clone();
            move || check(tasks.iter().cloned().map(sum_of_squares).sum())
        }),
        experiment(
            "cpu-bound",
            "2 threads under one lock (a GIL)",
            2,
            Some(false),
            {
                let tasks = tasks.clone();
                move || check(sum_under_one_lock(&gil, &tasks, STEP, sum_of_squares))
            },
        ),
        experiment("cpu-bound", "2 free threads (no lock)", 2, Some(false), {
            let tasks = tasks.clone();
            move || check(sum_on_free_threads(&tasks, STEP, sum_of_squares))
        }),
        experiment(
            "cpu-bound",
            "rayon, each task in 16 pieces",
            cores,
            Some(false),
            {
                move || {
                    let sums = tasks.iter().cloned();
                    check(
                        sums.map(|task| sum_with_rayon(&pool, task, 16, sum_of_squares))
                            .sum(),
                    )
                }
            },
        ),
    ]
}

fn io_bound(settings: &Settings, server: SocketAddr) -> Vec<Experiment> {
    let requests = settings.requests;
    let get = move || fetch(server).expect("a request to the local server failed");
    let check = move |sizes: Vec<usize>| assert_eq!(sizes, vec![3; requests], "lost a response");
    // The same threads twice, under one lock (a GIL): held while waiting for the server, then
    // released around the wait.
    let under_a_gil = move |released: bool| {
        let how = if released { "released" } else { "held" };
        let gil = Mutex::new(());
        experiment(
            "io-bound",
            format!("{requests} threads, the lock {how} while waiting"),
            requests,
            Some(false),
            move || {
                check(on_threads(requests, |_| {
                    let hold = || gil.lock().unwrap_or_else(PoisonError::into_inner);
                    if released {
                        // As CPython does: hold the GIL to prepare and to read, never while
                        // waiting.
                        drop(hold());
                        let size = get();
                        drop(hold());
                        size
                    } else {
                        // A GIL that is not released around blocking I/O: no wait can overlap.
                        let _gil = hold();
                        get()
                    }
                }))
            },
        )
    };
    vec![
        experiment("io-bound", "a single request", 1, None, move || {
            assert_eq!(get(), 3)
        }),
        experiment(
            "io-bound",
            "one request after another",
            1,
            Some(true),
            move || check((0..requests).map(|_| get()).collect()),
        ),
        under_a_gil(false),
        under_a_gil(true),
        on_tokio(
            "io-bound",
            requests,
            move |_| async move { fetch_async(server).await.expect("a request failed") },
            check,
        ),
    ]
}

fn mixed(settings: &Settings, server: SocketAddr) -> Vec<Experiment> {
    let (requests, mixed_n) = (settings.requests, settings.mixed_n);
    let expected = vec![(3, sum_of_squares(0..mixed_n)); requests];
    let get = move || fetch(server).expect("a request to the local server failed");
    let check = move |results: Vec<(usize, u128)>| assert_eq!(results, expected, "a wrong result");
    vec![
        experiment("mixed", "one request after another", 1, Some(true), {
            let check = check.clone();
            move || {
                let results = (0..requests).map(|_| (get(), sum_of_squares(0..mixed_n)));
                check(results.collect())
            }
        }),
        experiment(
            "mixed",
            format!("{requests} threads under one lock, released while waiting"),
            requests,
            Some(false),
            {
                let check = check.clone();
                let gil = Mutex::new(());
                move || {
                    check(on_threads(requests, |_| {
                        let size = get();
                        let total = steps(0..mixed_n, STEP)
                            .map(|numbers| {
                                let _gil =
                                    gil.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                                sum_of_squares(numbers)
                            })
                            .sum();
                        (size, total)
                    }))
                }
            },
        ),
        experiment(
            "mixed",
            format!("{requests} free threads"),
            requests,
            Some(false),
            {
                let check = check.clone();
                move || {
                    check(on_threads(requests, |_| {
                        (get(), sum_of_squares(0..mixed_n))
                    }))
                }
            },
        ),
        on_tokio(
            "mixed",
            requests,
            move |_| async move {
                let size = fetch_async(server).await.expect("a request failed");
                // Computing inside a task blocks the runtime's only thread meanwhile.
                (size, sum_of_squares(0..mixed_n))
            },
            check,
        ),
    ]
}

/// `requests` tasks at once on one thread (tokio's, like asyncio's event loop), each running
/// `request`; `check` looks at what they returned.
fn on_tokio<Fut>(
    workload: &'static str,
    requests: usize,
    request: impl Fn(usize) -> Fut + 'static,
    check: impl Fn(Vec<Fut::Output>) + 'static,
) -> Experiment
where
    Fut: Future + Send + 'static,
    Fut::Output: Send + 'static,
{
    let runtime = tokio_runtime();
    experiment(
        workload,
        format!("tokio, {requests} tasks on one thread"),
        requests,
        Some(false),
        move || check(runtime.block_on(all_at_once(requests, &request))),
    )
}

/// Runs `job(index)` on `count` threads at once; returns the results in index order.
fn on_threads<T: Send>(count: usize, job: impl Fn(usize) -> T + Sync) -> Vec<T> {
    thread::scope(|scope| {
        let threads: Vec<_> = (0..count)
            .map(|index| {
                let job = &job;
                scope.spawn(move || job(index))
            })
            .collect();
        threads
            .into_iter()
            .map(|thread| thread.join().expect("a worker thread panicked"))
            .collect()
    })
}

/// A single-threaded runtime, like asyncio's event loop.
fn tokio_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("could not build a tokio runtime")
}

fn print_table(rows: &[Row]) {
    println!("| workload | how | workers | median | speedup | cores busy |");
    println!("|---|---|---:|---:|---:|---:|");
    for row in rows {
        let speedup = match row.baseline {
            None => "-".to_owned(),
            Some(_) => format!("{:.2}x", baseline_of(rows, row.workload) / row.median_ms),
        };
        println!(
            "| {} | {} | {} | {:.1} ms | {speedup} | {:.2} |",
            row.workload, row.how, row.workers, row.median_ms, row.cores_busy
        );
    }
}

fn baseline_of(rows: &[Row], workload: &str) -> f64 {
    rows.iter()
        .find(|row| row.workload == workload && row.baseline == Some(true))
        .map_or(f64::NAN, |row| row.median_ms)
}

fn print_notes(rows: &[Row], settings: &Settings, cores: usize) {
    let find = |workload: &str, start: &str| {
        rows.iter()
            .find(|row| row.workload == workload && row.how.starts_with(start))
            .map_or(f64::NAN, |row| row.median_ms)
    };
    let one_thread = find("cpu-bound", "one thread");
    let free = find("cpu-bound", "2 free threads");
    let speedup = one_thread / free;
    println!(
        "- cpu-bound: 2 free threads ran {speedup:.2}x as fast as one thread on {cores} CPUs \
         (at most 2.00x); by Amdahl's law that is a parallel fraction p = {:.3}",
        parallel_fraction(one_thread, free, 2)
    );
    let single = find("io-bound", "a single request");
    println!(
        "- {} requests at once, against one request's {single:.1} ms:",
        settings.requests
    );
    for row in rows
        .iter()
        .filter(|row| row.workload == "io-bound" && row.baseline == Some(false))
    {
        println!(
            "  - {}: {:.2}x one request's time",
            row.how,
            row.median_ms / single
        );
    }
}
