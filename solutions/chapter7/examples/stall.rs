//! Mistake 4, measured: what a blocking call inside async code costs the other tasks.
//!
//!     cargo run --release -p chapter7-solution --example stall
//!
//! On a single-threaded tokio runtime, a heartbeat task wants to run every millisecond while
//! 10 request handlers each read from a disk that takes 20 ms. The handlers read three ways:
//! blocking on the runtime's thread (the mistake), on tokio's blocking pool, or with an async
//! wait. The table shows how long the whole took and the heartbeat's longest gap: how late any
//! other task on that runtime would have been. Median of 3 runs.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chapter7::blocking_in_async::Disk;

const REQUESTS: usize = 10;
const RUNS: usize = 3;
const BEAT: Duration = Duration::from_millis(1);

#[derive(Clone, Copy, PartialEq)]
enum Read {
    BlockingOnRuntime,
    BlockingPool,
    Async,
}

/// Serves the requests and returns (total time, the heartbeat's longest gap).
async fn serve(read: Read) -> (Duration, Duration) {
    let disk = Arc::new(Disk::default());
    let done = Arc::new(AtomicBool::new(false));
    let heartbeat = tokio::spawn({
        let done = Arc::clone(&done);
        async move {
            let mut longest = Duration::ZERO;
            let mut last = Instant::now();
            while !done.load(Ordering::SeqCst) {
                tokio::time::sleep(BEAT).await;
                longest = longest.max(last.elapsed());
                last = Instant::now();
            }
            longest
        }
    });
    let started = Instant::now();
    let handlers: Vec<_> = (0..REQUESTS)
        .map(|request| {
            let disk = Arc::clone(&disk);
            tokio::spawn(async move {
                let key = format!("file-{request}");
                match read {
                    Read::BlockingOnRuntime => disk.read_blocking(&key),
                    Read::BlockingPool => {
                        tokio::task::spawn_blocking(move || disk.read_blocking(&key))
                            .await
                            .expect("a blocking read")
                    }
                    Read::Async => disk.read(&key).await,
                }
            })
        })
        .collect();
    for handler in handlers {
        handler.await.expect("a handler");
    }
    let total = started.elapsed();
    done.store(true, Ordering::SeqCst);
    let longest_gap = heartbeat.await.expect("the heartbeat");
    (total, longest_gap)
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a tokio runtime");
    println!(
        "single-threaded runtime, {REQUESTS} requests, 20 ms disk reads, heartbeat every {} ms, median of {RUNS} runs\n",
        BEAT.as_millis()
    );
    println!("| how handlers read | total ms | heartbeat's longest gap ms |\n|---|---:|---:|");
    for (name, read) in [
        (
            "read_blocking on the runtime thread (the mistake)",
            Read::BlockingOnRuntime,
        ),
        ("read_blocking in spawn_blocking", Read::BlockingPool),
        ("async read", Read::Async),
    ] {
        let mut runs: Vec<(Duration, Duration)> =
            (0..RUNS).map(|_| runtime.block_on(serve(read))).collect();
        runs.sort();
        let (total, gap) = runs[RUNS / 2];
        println!("| {name} | {:.1} | {:.1} |", ms(total), ms(gap));
    }
}
