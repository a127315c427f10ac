//! Exercise 4.6: a hybrid: async I/O feeding CPU work to other threads.
//! Book: src/ch04/06-hybrid.md
//!
//! The classic tutorial's "hybrid approach": I/O on an event loop, CPU work elsewhere. Write
//! `fetch_and_crunch`: fetch every page at once (a `tokio::spawn`ed task per id), and as soon as
//! a page arrives, run `crunch` on it *off the runtime's thread*, with
//! `tokio::task::spawn_blocking` (or rayon and a `tokio::sync::oneshot` channel). Return the
//! results in input order.
//!
//! `crunch` blocks the thread it runs on. Called straight from async code, it stops every other
//! task on that thread: the event loop freezes, exactly like CPU work inside an `async def`.
//!
//! The test runs on a single-threaded runtime with a paused clock, and `crunch` checks that the
//! event loop still answers a ping while it runs. It cannot measure how busy your threads are.

use std::future::Future;
use std::sync::Arc;

/// Fetches every page with `fetch` (all at once), and runs `crunch` on each page as soon as it
/// arrives, on a thread that is not the runtime's, so that the event loop keeps serving I/O
/// while pages are crunched. The results come back in input order.
pub async fn fetch_and_crunch<F, Fut, C>(ids: Vec<u32>, fetch: F, crunch: C) -> Vec<u64>
where
    F: Fn(u32) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = String> + Send + 'static,
    C: Fn(String) -> u64 + Send + Sync + 'static,
{
    // TODO: a spawned task per id: fetch(id).await, then spawn_blocking(move || crunch(page)).
    todo!()
}
