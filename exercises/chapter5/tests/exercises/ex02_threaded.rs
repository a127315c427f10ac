//! Exercise 5.2: the scraper with a bounded number of threads (book: src/ch05/02-threads.md).

use std::time::Duration;

use chapter5::fetch_and_parse::blocking_client;
use chapter5::threaded::{scrape_sequential, scrape_threaded};
use support::Exercise;
use support::site::Site;

use crate::{LATENCY, PATHS, TIMEOUT, paths_urls, results_table_of, scrape_gathered};

const EXERCISE: Exercise = Exercise::new("5.2", "ch05/02-threads.md").with_hang_hint(
    "a thread that keeps the queue's lock while it fetches makes every other thread wait; take \
     the lock only to take the next URL",
);

const THREADS: usize = 4;

#[test]
fn at_most_n_requests_at_once_results_in_input_order() {
    let (table, most, gathered) = scrape_gathered(&EXERCISE, THREADS, |urls| {
        let client = blocking_client(TIMEOUT);
        scrape_threaded(&client, &urls, THREADS)
    });
    EXERCISE.check(
        most <= THREADS,
        format!(
            "the site saw {most} requests at once with a limit of {THREADS}: bound the threads"
        ),
    );
    EXERCISE.check(
        gathered,
        format!(
            "the first {THREADS} requests never reached the site together: start {THREADS} \
             threads that fetch at the same time"
        ),
    );
    EXERCISE.answer_key(|| {
        insta::assert_snapshot!(format!(
            "{table}\nthreads: {THREADS}, most requests in flight at once: {most}\n"
        ))
    });
}

#[test]
fn sequential_means_one_request_at_a_time() {
    let site = Site::start(LATENCY);
    // Every URL but the one that waits for all the others (one at a time, it would wait
    // forever).
    let paths: Vec<&str> = PATHS
        .into_iter()
        .filter(|path| !path.starts_with("/after"))
        .collect();
    let urls = paths_urls(&site, &paths);
    let sent = urls.clone();
    let scraped = EXERCISE.run_within(Duration::from_secs(20), move || {
        let client = blocking_client(TIMEOUT);
        scrape_sequential(&client, &urls)
    });
    let table = results_table_of(&EXERCISE, &site, &sent, &scraped);
    let most = site.most_in_flight();
    EXERCISE.check(
        most == 1,
        format!("the site saw {most} requests at once: sequential means one after another"),
    );
    EXERCISE.answer_key(|| {
        insta::assert_snapshot!(format!(
            "{table}\nsequential, most requests in flight at once: {most}\n"
        ))
    });
}
