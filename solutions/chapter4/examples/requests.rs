//! 1000 requests to a local site that answers each after 50 ms: sequential, a thread per
//! request, and tokio (exercise 4.4's `fetch_all`), measured in release mode:
//!
//! ```text
//! cargo run --release -p chapter4-solution --example requests
//! ```
//!
//! The site (`support::site`) is a real HTTP server on 127.0.0.1 in this same process; the
//! clients are reqwest's blocking and async ones. Sequential takes a minute: it is the baseline.

use std::thread;
use std::time::{Duration, Instant};

use chapter4::async_fetch::fetch_all;
use support::site::Site;

const REQUESTS: usize = 1000;
const LATENCY: Duration = Duration::from_millis(50);
const TIMEOUT: Duration = Duration::from_secs(30);

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
        "{:<28} {:>10} {:>16} {:>14} {:>7}",
        "approach", "time", "in latencies", "most at once", "ok"
    );

    let tokio_time = measure(&site, "tokio, fetch_all (limit 1000)", || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let client = reqwest::Client::new();
        let fetched = runtime.block_on(fetch_all(urls.clone(), REQUESTS, TIMEOUT, move |url| {
            let client = client.clone();
            async move {
                let response = client.get(url).send().await.map_err(|e| e.to_string())?;
                response.text().await.map_err(|e| e.to_string())
            }
        }));
        fetched.iter().filter(|f| f.page.is_ok()).count()
    });

    let threads_time = measure(&site, "a thread per request", || {
        let client = reqwest::blocking::Client::builder()
            .timeout(TIMEOUT)
            .build()
            .expect("a client");
        thread::scope(|scope| {
            let handles: Vec<_> = urls
                .iter()
                .map(|url| {
                    let client = &client;
                    scope.spawn(move || client.get(url).send().and_then(|r| r.text()).is_ok())
                })
                .collect();
            handles
                .into_iter()
                .map(|handle| handle.join().unwrap_or(false))
                .filter(|ok| *ok)
                .count()
        })
    });

    let sequential_time = measure(&site, "sequential", || {
        let client = reqwest::blocking::Client::builder()
            .timeout(TIMEOUT)
            .build()
            .expect("a client");
        urls.iter()
            .filter(|url| client.get(*url).send().and_then(|r| r.text()).is_ok())
            .count()
    });

    println!();
    println!(
        "speedup over sequential: tokio {:.0}x, threads {:.0}x",
        sequential_time.as_secs_f64() / tokio_time.as_secs_f64(),
        sequential_time.as_secs_f64() / threads_time.as_secs_f64()
    );
}

/// Runs one approach once, prints its row and returns its time.
fn measure(site: &Site, approach: &str, run: impl FnOnce() -> usize) -> Duration {
    site.reset_most_in_flight();
    let start = Instant::now();
    let ok = run();
    let time = start.elapsed();
    println!(
        "{approach:<28} {:>7.0} ms {:>15.2}x {:>14} {:>7}",
        time.as_secs_f64() * 1e3,
        time.as_secs_f64() / LATENCY.as_secs_f64(),
        site.most_in_flight(),
        ok
    );
    time
}
