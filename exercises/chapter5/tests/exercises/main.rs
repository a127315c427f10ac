//! The tests of chapter 5. Run them with `cargo test -p chapter5`.
//!
//! Each module checks one exercise. A failing test names the exercise and the book page to read;
//! a snapshot that does not match shows the expected lines (`-`) against yours (`+`). The
//! snapshots are the answer key: change your code, not the `.snap` files.
//!
//! The scraper's tests start a real HTTP server on 127.0.0.1 (`support::site`) with pages that
//! answer after a fixed latency, a 404, malformed HTML, a page without a title, a page that
//! never answers and a page that answers only after the others.

mod ex01_fetch_and_parse;
mod ex02_threaded;
mod ex03_async;
mod ex04_chunks;
mod ex05_pipeline;
mod ex06_processes;

use std::time::Duration;

use chapter5::fetch_and_parse::{ScrapeError, Scraped};
use support::site::Site;

/// Every page answers after this long.
const LATENCY: Duration = Duration::from_millis(20);
/// The client gives up on a request after this long. A right answer never waits for it (only
/// `/never` does, in exercise 5.1, with a client of its own), so it is long enough that a busy
/// machine cannot make a page late; and longer than the site's `GATHER_PATIENCE`, so that no
/// request is abandoned while it waits at the gate.
const TIMEOUT: Duration = Duration::from_secs(6);

/// The scrapers' URL list: the first four pages, then every kind of trouble, then more pages.
/// `/after/11` answers once the 11 other URLs have been answered: it finishes last, so results
/// listed in the order they finish are out of order, every run.
const PATHS: [&str; 12] = [
    "/page/alpha",
    "/page/beta",
    "/page/gamma",
    "/page/delta",
    "/missing",
    "/malformed",
    "/after/11",
    "/untitled",
    "/page/epsilon",
    "/page/zeta",
    "/page/eta",
    "/page/theta",
];

/// Runs `scrape` on the URLs, as `exercise`'s code, against a site that holds the first
/// `together` page requests until all of them are waiting (at most 4 s): only requests really
/// made at the same time get there together. Returns the results table (checked: every URL
/// once, in input order), the most requests the site saw in flight at once, and whether the
/// first `together` reached it together.
fn scrape_gathered(
    exercise: &support::Exercise,
    together: usize,
    scrape: impl FnOnce(Vec<String>) -> Vec<Scraped> + Send + 'static,
) -> (String, usize, bool) {
    let site = Site::gather(LATENCY, together);
    let urls = urls(&site);
    let scraped = exercise.run_within(Duration::from_secs(20), move || scrape(urls));
    let table = results_table(exercise, &site, &scraped);
    (table, site.most_in_flight(), site.gathered())
}

fn urls(site: &Site) -> Vec<String> {
    paths_urls(site, &PATHS)
}

fn paths_urls(site: &Site, paths: &[&str]) -> Vec<String> {
    paths.iter().map(|path| site.url(path)).collect()
}

/// One row of a results table, with the URL shortened to its path (the port changes per run).
fn row(site: &Site, scraped: &Scraped) -> String {
    let path = scraped
        .url
        .strip_prefix(&site.url(""))
        .unwrap_or(&scraped.url);
    let outcome = match &scraped.page {
        Ok(page) => format!(
            "{:<22} {:>5} bytes",
            page.title.as_deref().unwrap_or("No title"),
            page.length
        ),
        // The message of `Failed` names the port: show the kind only.
        Err(ScrapeError::Failed(_)) => "error: failed".to_owned(),
        Err(error) => format!("error: {error}"),
    };
    format!("{path:<15} {outcome}\n")
}

/// The whole results table, after checking that every URL came back once, in order.
fn results_table(exercise: &support::Exercise, site: &Site, scraped: &[Scraped]) -> String {
    results_table_of(exercise, site, &urls(site), scraped)
}

fn results_table_of(
    exercise: &support::Exercise,
    site: &Site,
    sent: &[String],
    scraped: &[Scraped],
) -> String {
    let got: Vec<&str> = scraped.iter().map(|s| s.url.as_str()).collect();
    let short = |url: &str| url.strip_prefix(&site.url("")).unwrap_or(url).to_owned();
    exercise.check(
        got == sent.iter().map(String::as_str).collect::<Vec<_>>(),
        format!(
            "{} URLs went in and {} results came out, in this order:\n{}\nevery URL must come \
             back exactly once, in input order (not in the order the requests finish: /after/11 \
             finishes last), failures included",
            sent.len(),
            got.len(),
            got.iter()
                .map(|url| short(url))
                .collect::<Vec<_>>()
                .join(" ")
        ),
    );
    let mut table = String::from("url             title                   length\n");
    for scraped in scraped {
        table.push_str(&row(site, scraped));
    }
    table
}
