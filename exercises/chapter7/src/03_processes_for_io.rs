//! Exercise 7.3: processes where I/O concurrency was wanted.
//! Book: src/ch07/03-processes-for-io.md
//! Starter code: runs, with a mistake to find.
//!
//! Find and fix. `fetch_all` downloads every URL through a pool of worker processes, one per
//! core, as the classic tutorial's `Pool().map(download, urls)` does. A download spends its
//! time waiting on the network.
//!
//! `ProcessPool` (provided, in `provided/processes_for_io.rs`) is a model of a real pool (chapter 4 builds one): its workers take
//! `PROCESS_START` to start, then each runs one job at a time. Make every fetch wait at the same
//! time, with the results in the order of `urls`.
//!
//! The test runs on tokio's paused clock, so "100 ms" is exact and instant: it checks how many
//! fetches were in flight at once, when the first began, how long the whole took in virtual
//! time, and the order of the results when later pages answer sooner. It cannot see a real
//! network.

use std::future::Future;

pub use crate::provided::processes_for_io::{CORES, PROCESS_START, ProcessPool};

/// Fetches every URL, all waits at once, and returns the bodies in the order of `urls`.
pub async fn fetch_all<Fut>(urls: Vec<String>, fetch: impl Fn(String) -> Fut) -> Vec<String>
where
    Fut: Future<Output = String> + Send + 'static,
{
    ProcessPool::new(CORES).map(urls, fetch).await
}
