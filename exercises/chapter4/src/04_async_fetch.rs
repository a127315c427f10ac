//! Exercise 4.4: tokio as asyncio: many requests, a concurrency limit, a timeout each.
//! Book: src/ch04/04-asyncio.md
//!
//! The classic tutorial's `asyncio.gather` of `aiohttp` requests, grown up: write `fetch_all`, which fetches
//! every URL with the given `fetch` function and
//!
//! - runs at most `limit` requests at a time (`tokio::sync::Semaphore`);
//! - gives each request at most `timeout` (`tokio::time::timeout`), counted from when the
//!   request starts, not while it waits for its turn;
//! - returns one `Fetched` per URL, in input order, with the failures (`FetchError::Failed`
//!   for an error from `fetch`, `FetchError::TimedOut`) in their places.
//!
//! One way: `tokio::spawn` a task per URL that first takes a permit, and keep the `JoinHandle`s
//! in a `Vec`; then await them in order. `fetch` must be shared by the tasks: put it in an `Arc`.
//!
//! The tests run on tokio's paused clock with a simulated server, so the virtual time they
//! report is exact. They cannot tell how much memory your tasks take; a real server is in the
//! example `cargo run --release -p chapter4-solution --example requests`.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;

pub use crate::provided::async_fetch::{FetchError, Fetched};

/// Fetches every URL with `fetch`, at most `limit` at a time, each bounded by `timeout`. The
/// results come back in input order, one per URL, failures included: like
/// `asyncio.gather(*tasks, return_exceptions=True)` with an `asyncio.Semaphore(limit)`.
pub async fn fetch_all<F, Fut>(
    urls: Vec<String>,
    limit: usize,
    timeout: Duration,
    fetch: F,
) -> Vec<Fetched>
where
    F: Fn(String) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<String, String>> + Send + 'static,
{
    // TODO: a Semaphore of `limit` permits, a spawned task per URL, timeout around each fetch.
    todo!()
}
