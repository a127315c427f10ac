//! Exercise 8.9: a concurrent web crawler.
//! Book: src/ch08/09-crawler.md
//!
//! Crawl a website: start from one page, fetch it, follow its links, fetch those, and so on,
//! with at most `max_in_flight` requests open at a time. Follow only links within the site
//! (`is_within_site`), fetch every page exactly once however many pages link to it, skip pages
//! that fail (a broken link), and return the paths of the pages fetched.
//!
//! `fetch_links` (provided, in `provided/crawler.rs`) does the HTTP; the exercise is the
//! concurrency: a queue of pages to fetch and a set of pages seen, shared by the workers, and
//! knowing when the crawl is over (hint: an empty queue is not enough).
//!
//! The test starts a real HTTP server on 127.0.0.1 serving a site of 25 pages with cycles, a
//! broken link and links to another host. It counts the requests for each page, and how many
//! are open at once: that must reach the limit (a crawler that fetches one page at a time fails)
//! and never exceed it. A second, bigger site with another limit is checked page by page.

use std::collections::BTreeSet;
use std::net::SocketAddr;

pub use crate::provided::crawler::{fetch_links, is_within_site};

/// Crawls the site served at `server`, starting from the page `start` (a path such as "/"),
/// with at most `max_in_flight` requests at a time. Follows only links within the site, fetches
/// every page once, and returns the paths of the pages it fetched.
pub fn crawl(server: SocketAddr, start: &str, max_in_flight: usize) -> BTreeSet<String> {
    // TODO: start `max_in_flight` worker threads (std::thread::scope) that share a queue of
    // pages to fetch and the set of pages seen; stop when nothing is queued or in flight.
    todo!()
}
