//! 1000 requests to a local site that answers each after 50 ms: sequential, a thread per
//! request, and tokio (exercise 4.4's `fetch_all`), measured in release mode:
//!
//! ```text
//! cargo run --release -p chapter4-solution --example requests
//! ```
//!
//! The site (`support::site`) is a real HTTP server on 127.0.0.1 in this same process; the
//! clients are reqwest's blocking and async ones. Each concurrent approach runs once "cold" (a
//! fresh client: a thousand new connections) and then three times "warm" (the client's pooled
//! keep-alive connections); the warm column is their median. Sequential runs once: it takes a
//! minute and is the baseline.

use std::thread;
use std::time::{Duration, Instant};

use chapter4::async_fetch::fetch_all;
use support::site::Site;

const REQUESTS: usize = 1000;
const LATENCY: Duration = Duration::from_millis(50);
const TIMEOUT: Duration = Duration::from_secs(30);
const WARM_RUNS: usize = 3;

fn main() {
    let site = Site::start(LATENCY);
    let urls: Vec<String> = (0..REQUESTS)
        .map(|i| site.url(&format!("/page/{i}")))
        .collect();
    println!(
        "{REQUESTS} requests, each answered after {} ms, on 127.0.0.1",
        LATENCY.as_millis()
    );
    println!(
        "{:<36} {:>10} {:>16} {:>14} {:>6}",
        "approach", "time", "in latencies", "most at once", "ok"
    );

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let client = reqwest::Client::builder()
        .timeout(TIMEOUT)
        .build()
        .expect("a client");
    let tokio_run = || {
        let client = client.clone();
        let fetched = runtime.block_on(fetch_all(urls.clone(), REQUESTS, TIMEOUT, move |url| {
            let client = client.clone();
            async move {
                let response = client.get(url).send().await.map_err(|e| e.to_string())?;
                response.text().await.map_err(|e| e.to_string())
            }
        }));
        fetched.iter().filter(|f| f.page.is_ok()).count()
    };
    let tokio_time = cold_then_warm(&site, "tokio, fetch_all (limit 1000)", tokio_run);

    let blocking = reqwest::blocking::Client::builder()
        .timeout(TIMEOUT)
        .build()
        .expect("a client");
    let threads_run = || {
        thread::scope(|scope| {
            let handles: Vec<_> = urls
                .iter()
                .map(|url| {
                    let client = &blocking;
                    scope.spawn(move || client.get(url).send().and_then(|r| r.text()).is_ok())
                })
                .collect();
            handles
                .into_iter()
                .map(|handle| handle.join().unwrap_or(false))
                .filter(|ok| *ok)
                .count()
        })
    };
    let threads_time = cold_then_warm(&site, "a thread per request", threads_run);

    let sequential_time = measure(&site, "sequential", || {
        urls.iter()
            .filter(|url| blocking.get(*url).send().and_then(|r| r.text()).is_ok())
            .count()
    });

    println!();
    println!(
        "speedup over sequential (warm): tokio {:.0}x, threads {:.0}x",
        sequential_time.as_secs_f64() / tokio_time.as_secs_f64(),
        sequential_time.as_secs_f64() / threads_time.as_secs_f64()
    );
}

/// One cold run and the median of `WARM_RUNS` warm ones; returns the warm median.
fn cold_then_warm(site: &Site, approach: &str, mut run: impl FnMut() -> usize) -> Duration {
    measure(site, &format!("{approach}, cold"), &mut run);
    let mut warm: Vec<Duration> = (0..WARM_RUNS).map(|_| timed(site, &mut run).0).collect();
    warm.sort();
    let median = warm[WARM_RUNS / 2];
    let (_, ok, most) = timed(site, &mut run);
    print_row(&format!("{approach}, warm"), median, most, ok);
    median
}

/// Runs one approach once, prints its row and returns its time.
fn measure(site: &Site, approach: &str, run: impl FnOnce() -> usize) -> Duration {
    let (time, ok, most) = timed(site, run);
    print_row(approach, time, most, ok);
    time
}

fn timed(site: &Site, run: impl FnOnce() -> usize) -> (Duration, usize, usize) {
    site.reset_most_in_flight();
    let start = Instant::now();
    let ok = run();
    (start.elapsed(), ok, site.most_in_flight())
}

fn print_row(approach: &str, time: Duration, most: usize, ok: usize) {
    println!(
        "{approach:<36} {:>7.0} ms {:>15.2}x {most:>14} {ok:>6}",
        time.as_secs_f64() * 1e3,
        time.as_secs_f64() / LATENCY.as_secs_f64(),
    );
}
