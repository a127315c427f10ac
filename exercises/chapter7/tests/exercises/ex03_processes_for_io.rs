//! Exercise 7.3: processes where I/O concurrency was wanted
//! (book: src/ch07/03-processes-for-io.md).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use chapter7::processes_for_io::fetch_all;
use support::Exercise;
use support::testkit::{Occupancy, Table, run_paused};
use tokio::time::Instant;

const EXERCISE: Exercise = Exercise::new("7.3", "ch07/03-processes-for-io.md");

const URLS: usize = 20;
const LATENCY: Duration = Duration::from_millis(100);

/// What fetching a list of URLs came to, in virtual time.
struct Fetched {
    bodies: Vec<String>,
    took: Duration,
    /// When the first fetch began, from the call of `fetch_all`.
    first_start: Option<Duration>,
    most_in_flight: usize,
}

fn url(page: usize) -> String {
    format!("http://127.0.0.1/page/{page}")
}

/// Fetches `urls` pages, page `n` taking `latency(n)`, on a paused clock.
fn fetch_pages(urls: usize, latency: fn(usize) -> Duration) -> Fetched {
    let fetching = Arc::new(Occupancy::new());
    let recorder = Arc::clone(&fetching);
    let first_start = Arc::new(Mutex::new(None));
    let first = Arc::clone(&first_start);
    let (bodies, took) = EXERCISE.run(move || {
        run_paused(async move {
            let started = Instant::now();
            let bodies = fetch_all((0..urls).map(url).collect(), |url| {
                let (recorder, first) = (Arc::clone(&recorder), Arc::clone(&first));
                async move {
                    first.lock().unwrap().get_or_insert(started.elapsed());
                    let _in_flight = recorder.enter();
                    let page: usize = url.rsplit('/').next().unwrap().parse().unwrap();
                    tokio::time::sleep(latency(page)).await;
                    format!("body of {url}")
                }
            })
            .await;
            (bodies, started.elapsed())
        })
    });
    let first_start = *first_start.lock().unwrap();
    Fetched {
        bodies,
        took,
        first_start,
        most_in_flight: fetching.most(),
    }
}

/// The checks every scenario shares, in the order a learner should meet them.
fn check(fetched: &Fetched, urls: usize, slowest: Duration) {
    let ms = |time: Duration| time.as_millis();
    let first_start = fetched.first_start.unwrap_or(fetched.took);
    EXERCISE.check(
        fetched.most_in_flight == urls,
        format!(
            "{urls} fetches took {} ms of virtual time, with at most {} waiting at once: the \
             others queued behind them, although a wait needs no core (the slowest fetch alone \
             takes {} ms)",
            ms(fetched.took),
            fetched.most_in_flight,
            ms(slowest)
        ),
    );
    EXERCISE.check(
        first_start.is_zero(),
        format!(
            "the first of {urls} fetches began only after {} ms of virtual time: the whole took \
             {} ms where the slowest fetch alone takes {} ms",
            ms(first_start),
            ms(fetched.took),
            ms(slowest)
        ),
    );
    let expected: Vec<String> = (0..urls)
        .map(|page| format!("body of {}", url(page)))
        .collect();
    if let Some(at) = (0..urls).find(|&at| fetched.bodies.get(at) != expected.get(at)) {
        let found = fetched.bodies.get(at).map_or("nothing", String::as_str);
        EXERCISE.fail(format!(
            "{} bodies came back for {urls} URLs, and place {at} holds {found:?} instead of the \
             body of {}: the bodies must keep the order of the URLs, whatever order the fetches \
             finish in",
            fetched.bodies.len(),
            url(at)
        ));
    }
    EXERCISE.check(
        fetched.took == slowest,
        format!(
            "{urls} fetches all waited at once, yet took {} ms of virtual time, where the \
             slowest alone takes {} ms",
            ms(fetched.took),
            ms(slowest)
        ),
    );
}

#[test]
fn every_fetch_waits_at_the_same_time() {
    let fetched = fetch_pages(URLS, |_| LATENCY);
    check(&fetched, URLS, LATENCY);
    let mut table = Table::with_header([
        "fetches",
        "latency each",
        "most in flight",
        "total (virtual time)",
    ]);
    table.row([
        URLS.to_string(),
        format!("{} ms", LATENCY.as_millis()),
        fetched.most_in_flight.to_string(),
        format!("{} ms", fetched.took.as_millis()),
    ]);
    EXERCISE.answer_key(|| insta::assert_snapshot!(table.to_string()));
}

/// Later pages answer sooner, so the fetches finish in the reverse of the URLs' order; a count
/// and latencies that are not in the answer key.
#[test]
fn bodies_keep_the_order_of_the_urls() {
    const PAGES: usize = 13;
    let latency = |page: usize| Duration::from_millis(40 + 7 * (PAGES - page) as u64);
    let fetched = fetch_pages(PAGES, latency);
    check(&fetched, PAGES, latency(0));
}
