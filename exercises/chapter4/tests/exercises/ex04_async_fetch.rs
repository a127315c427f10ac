//! Exercise 4.4: tokio as asyncio (book: src/ch04/04-asyncio.md).
//!
//! The requests here are simulated on tokio's paused clock: a "page" takes 50 ms of virtual
//! time, so a thousand of them run in milliseconds of real time and the virtual time each
//! approach takes is exact. The real thing, against a real server, is the example
//! `cargo run --release -p chapter4-solution --example requests`.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use chapter4::async_fetch::{Fetched, fetch_all};
use support::Exercise;
use tokio::time::Instant;

const EXERCISE: Exercise = Exercise::new("4.4", "ch04/04-asyncio.md").with_hang_hint(
    "a request that never answers must be bounded by tokio::time::timeout; and a permit that is \
     never given back (a leaked semaphore permit) stops every request after it",
);

const LATENCY: Duration = Duration::from_millis(50);
const TIMEOUT: Duration = Duration::from_secs(2);

/// Requests in flight right now, and the most ever at once.
#[derive(Default)]
struct InFlight {
    now: AtomicUsize,
    most: AtomicUsize,
}

/// A simulated server: `/never` never answers, `/missing` is a 404, any other page answers
/// after `LATENCY` with a body naming it.
async fn simulated_get(url: String, in_flight: Arc<InFlight>) -> Result<String, String> {
    let now = in_flight.now.fetch_add(1, Ordering::SeqCst) + 1;
    in_flight.most.fetch_max(now, Ordering::SeqCst);
    // Counted out again when the request ends or is cancelled by a timeout.
    struct Leave(Arc<InFlight>);
    impl Drop for Leave {
        fn drop(&mut self) {
            self.0.now.fetch_sub(1, Ordering::SeqCst);
        }
    }
    let _leave = Leave(in_flight);
    if url.ends_with("/never") {
        std::future::pending::<()>().await;
    }
    tokio::time::sleep(LATENCY).await;
    if url.ends_with("/missing") {
        return Err("404 Not Found".to_owned());
    }
    Ok(format!("<title>{url}</title>"))
}

/// Runs `fetch_all` on a paused clock; returns the results, the most requests in flight at
/// once, and the virtual time it took.
fn run(urls: Vec<String>, limit: usize) -> (Vec<Fetched>, usize, Duration) {
    EXERCISE.run(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()
            .expect("a tokio runtime");
        runtime.block_on(async move {
            let in_flight = Arc::new(InFlight::default());
            let counter = Arc::clone(&in_flight);
            let start = Instant::now();
            let fetched = fetch_all(urls, limit, TIMEOUT, move |url| {
                simulated_get(url, Arc::clone(&counter))
            })
            .await;
            (
                fetched,
                in_flight.most.load(Ordering::SeqCst),
                start.elapsed(),
            )
        })
    })
}

fn pages(count: usize) -> Vec<String> {
    (0..count)
        .map(|i| format!("http://127.0.0.1/page/{i}"))
        .collect()
}

#[test]
fn a_thousand_requests_take_as_long_as_their_limit_allows() {
    let mut table =
        String::from("requests  limit  ok    most in flight  virtual time  (one request: 50 ms)\n");
    for (count, limit) in [(1000, 1000), (1000, 100), (1000, 10), (10, 1)] {
        let (fetched, most, elapsed) = run(pages(count), limit);
        EXERCISE.check(
            fetched.len() == count,
            format!(
                "{count} URLs went in, {} results came out: one result per URL",
                fetched.len()
            ),
        );
        let in_order = fetched
            .iter()
            .zip(pages(count))
            .all(|(result, url)| result.url == url);
        EXERCISE.check(
            in_order,
            "the results must come back in the order of the URLs",
        );
        let ok = fetched.iter().filter(|result| result.page.is_ok()).count();
        table.push_str(&format!(
            "{count:>8}  {limit:>5}  {ok:>4}  {most:>14}  {:>9} ms\n",
            elapsed.as_millis()
        ));
    }
    insta::assert_snapshot!(table);
}

#[test]
fn each_url_gets_its_own_result_and_nothing_waits_forever() {
    let urls: Vec<String> = ["/a", "/missing", "/never", "/b", "/missing", "/c"]
        .iter()
        .map(|path| format!("http://127.0.0.1{path}"))
        .collect();
    let (fetched, most, elapsed) = run(urls, 3);
    let mut table = String::from("url                       result\n");
    for Fetched { url, page } in &fetched {
        let shown = match page {
            Ok(body) => format!("ok: {body}"),
            Err(error) => format!("error: {error}"),
        };
        table.push_str(&format!("{url:<25} {shown}\n"));
    }
    table.push_str(&format!(
        "\nlimit 3, most in flight: {most}, virtual time: {} ms (timeout: {} ms)\n",
        elapsed.as_millis(),
        TIMEOUT.as_millis()
    ));
    insta::assert_snapshot!(table);
}
