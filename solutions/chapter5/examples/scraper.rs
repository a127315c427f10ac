//! The classic tutorial's scraper comparison on its 30 URLs (three sites, ten times each), against a local
//! site that answers every page after 100 ms. Measured in release mode:
//!
//! ```text
//! cargo run --release -p chapter5-solution --example scraper
//! ```

use std::time::{Duration, Instant};

use chapter5::r#async::{async_client, one_thread_runtime, scrape_async};
use chapter5::fetch_and_parse::{Scraped, blocking_client};
use chapter5::threaded::{scrape_sequential, scrape_threaded};
use support::site::Site;

const LATENCY: Duration = Duration::from_millis(100);
const TIMEOUT: Duration = Duration::from_secs(10);

fn main() {
    let site = Site::start(LATENCY);
    // The classic tutorial's list: ['https://example.com', 'https://python.org', 'https://github.com'] * 10
    let urls: Vec<String> = (0..10)
        .flat_map(|_| ["example.com", "python.org", "github.com"])
        .map(|name| site.url(&format!("/page/{name}")))
        .collect();
    println!(
        "{} URLs, each answered after {} ms by a local site on 127.0.0.1",
        urls.len(),
        LATENCY.as_millis()
    );
    println!(
        "{:<32} {:>9} {:>9} {:>13} {:>4}",
        "approach", "time", "speedup", "most at once", "ok"
    );
    let client = blocking_client(TIMEOUT);
    let sequential = measure(&site, "sequential", None, || {
        scrape_sequential(&client, &urls)
    });
    measure(&site, "4 threads (like Pool(4))", Some(sequential), || {
        scrape_threaded(&client, &urls, 4)
    });
    measure(
        &site,
        "10 threads (like threaded())",
        Some(sequential),
        || scrape_threaded(&client, &urls, 10),
    );
    measure(
        &site,
        "tokio, one thread, no limit",
        Some(sequential),
        || one_thread_runtime().block_on(scrape_async(async_client(TIMEOUT), &urls, urls.len())),
    );
}

/// Runs one approach once and prints its row.
fn measure(
    site: &Site,
    approach: &str,
    baseline: Option<Duration>,
    run: impl FnOnce() -> Vec<Scraped>,
) -> Duration {
    site.reset_most_in_flight();
    let start = Instant::now();
    let scraped = run();
    let time = start.elapsed();
    let ok = scraped.iter().filter(|s| s.page.is_ok()).count();
    let speedup = baseline.map_or(1.0, |base| base.as_secs_f64() / time.as_secs_f64());
    println!(
        "{approach:<32} {:>6.0} ms {:>8.1}x {:>13} {:>4}",
        time.as_secs_f64() * 1e3,
        speedup,
        site.most_in_flight(),
        ok
    );
    time
}
