//! Exercise 5.3: the scraper on tokio, parsing off the event loop.
//! Book: src/ch05/03-async.md
//!
//! The same scraper on tokio, with reqwest's async client:
//!
//! - `fetch_and_parse_async`: like 5.1's `fetch_and_parse`, with `.await`s; then parse the body
//!   with `parse_page` inside `tokio::task::spawn_blocking`, so that parsing never blocks the
//!   event loop (exercise 4.6).
//! - `scrape_async`: a spawned task per URL, at most `limit` in flight (a `Semaphore`), one
//!   result per URL in input order (exercise 4.4). The client already has a timeout.
//!
//! The test runs your scraper on a single-threaded runtime against the real local server, which
//! counts the requests in flight and holds the first four until all have arrived. It cannot see
//! where you parse: that is what exercise 4.6 checked.

use std::sync::Arc;

use reqwest::Client;
use tokio::sync::Semaphore;

use crate::fetch_and_parse::{Page, ScrapeError, Scraped, parse_page, scrape_error};

pub use crate::provided::r#async::{async_client, one_thread_runtime};

/// Fetches `url` with the async client; parses the body on a blocking thread, so that parsing
/// never stops the event loop (exercise 4.6).
pub async fn fetch_and_parse_async(client: &Client, url: &str) -> Result<Page, ScrapeError> {
    // TODO: send().await, error_for_status, bytes().await, spawn_blocking(parse_page).
    todo!()
}

/// Every URL at once, at most `limit` in flight; one result per URL, in input order. The
/// timeout is the client's (`async_client(timeout)`, provided), so it is not repeated here.
pub async fn scrape_async(client: Client, urls: &[String], limit: usize) -> Vec<Scraped> {
    // TODO: a Semaphore, a tokio::spawn per URL (clone the client into it), await in order.
    todo!()
}
