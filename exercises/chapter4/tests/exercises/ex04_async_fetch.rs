//! Exercise 4.4: tokio as asyncio (book: src/ch04/04-asyncio.md).
//!
//! The requests here are simulated on tokio's paused clock: a "page" takes 50 ms of virtual
//! time, so a thousand of them run in milliseconds of real time and the virtual time each
//! approach takes is exact. The real thing, against a real server, is the example
//! `cargo run --release -p chapter4-solution --example requests`.

use std::sync::Arc;
use std::time::Duration;

use chapter4::async_fetch::{Fetched, fetch_all};
use support::Exercise;
use support::testkit::{Occupancy, run_paused};
use tokio::time::Instant;

const EXERCISE: Exercise = Exercise::new("4.4", "ch04/04-asyncio.md").with_hang_hint(
    "a request that never answers must be bounded by tokio::time::timeout; and a permit that is \
     never given back (a leaked semaphore permit) stops every request after it",
);

const LATENCY: Duration = Duration::from_millis(50);
const TIMEOUT: Duration = Duration::from_secs(2);

/// A simulated server: `/never` never answers, `/missing` is a 404, `/slow/{ms}/..` answers
/// after `ms` milliseconds, any other page answers after `LATENCY`; a body names its page.
async fn simulated_get(url: String, in_flight: Arc<Occupancy>) -> Result<String, String> {
    // Counted out again when the request ends or is cancelled by a timeout.
    let _in_flight = in_flight.enter();
    if url.ends_with("/never") {
        std::future::pending::<()>().await;
    }
    tokio::time::sleep(latency_of(&url)).await;
    if url.ends_with("/missing") {
        return Err("404 Not Found".to_owned());
    }
    Ok(format!("<title>{url}</title>"))
}

fn latency_of(url: &str) -> Duration {
    url.split_once("/slow/")
        .and_then(|(_, rest)| rest.split('/').next()?.parse().ok())
        .map_or(LATENCY, Duration::from_millis)
}

/// Runs `fetch_all` on a paused clock; returns the results, the most requests in flight at
/// once, and the virtual time it took.
fn run(urls: Vec<String>, limit: usize) -> (Vec<Fetched>, usize, Duration) {
    EXERCISE.run(move || {
        run_paused(async move {
            let in_flight = Arc::new(Occupancy::new());
            let counter = Arc::clone(&in_flight);
            let start = Instant::now();
            let fetched = fetch_all(urls, limit, TIMEOUT, move |url| {
                simulated_get(url, Arc::clone(&counter))
            })
            .await;
            (fetched, in_flight.most(), start.elapsed())
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
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
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
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

/// Later requests finish first (every page is quicker than the one before it), so results
/// gathered as they complete come out reversed. Inputs in no answer key.
#[test]
fn later_requests_finish_first_and_the_order_is_kept() {
    let urls: Vec<String> = (0..30)
        .map(|i| format!("http://127.0.0.1/slow/{}/{i}", 300 - 10 * i))
        .collect();
    let (fetched, most, _) = run(urls.clone(), 7);
    let got: Vec<&str> = fetched.iter().map(|f| f.url.as_str()).collect();
    EXERCISE.check(
        got == urls,
        format!(
            "30 requests, each quicker than the one before: the results came back as\n{}\n\
             return them in the order of the URLs, not in the order they finish (await the \
             handles in input order)",
            got.iter()
                .map(|url| url.rsplit('/').next().unwrap_or(url))
                .collect::<Vec<_>>()
                .join(" ")
        ),
    );
    let wrong: Vec<&Fetched> = fetched
        .iter()
        .filter(|f| f.page.as_ref() != Ok(&format!("<title>{}</title>", f.url)))
        .collect();
    EXERCISE.check(
        wrong.is_empty(),
        format!("every page answers within the timeout, yet: {wrong:?}"),
    );
    EXERCISE.check(
        most <= 7,
        format!("{most} requests were in flight at once with a limit of 7"),
    );
    EXERCISE.check(
        most == 7,
        format!("at most {most} requests were in flight at once with a limit of 7 and 30 URLs"),
    );
}

/// One request at a time, each taking 1.5 s of the 2 s allowed: the third waits 3 s for its
/// turn and must still succeed, because the timeout counts from when a request starts.
#[test]
fn the_timeout_starts_with_the_request_not_with_the_wait_for_a_permit() {
    let urls: Vec<String> = (0..3)
        .map(|i| format!("http://127.0.0.1/slow/1500/{i}"))
        .collect();
    let (fetched, most, elapsed) = run(urls, 1);
    let timed_out: Vec<&str> = fetched
        .iter()
        .filter(|f| f.page.is_err())
        .map(|f| f.url.as_str())
        .collect();
    EXERCISE.check(
        timed_out.is_empty(),
        format!(
            "with a limit of 1, three requests of 1.5 s each and a 2 s timeout, {timed_out:?} \
             failed: start the timeout after taking the permit, around the fetch alone, not \
             around the wait for a turn"
        ),
    );
    EXERCISE.check(
        most == 1 && elapsed == Duration::from_millis(4500),
        format!(
            "limit 1, three requests of 1.5 s: expected 1 in flight and 4500 ms of virtual \
             time, got {most} and {} ms",
            elapsed.as_millis()
        ),
    );
}
