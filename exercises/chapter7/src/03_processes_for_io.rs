//! Exercise 7.3: processes where I/O concurrency was wanted.
//! Book: src/ch07/03-processes-for-io.md
//! Starter code: runs, with a mistake to find.
//!
//! Find and fix. `fetch_all` downloads every URL through a pool of worker processes, one per
//! core, as the classic tutorial's `Pool().map(download, urls)` does. A download spends its
//! time waiting on the network.
//!
//! `ProcessPool` below is a model of a real pool (chapter 4 builds one): its workers take
//! `PROCESS_START` to start, then each runs one job at a time. Make every fetch wait at the same
//! time, with the results in the order of `urls`.
//!
//! The test runs on tokio's paused clock, so "100 ms" is exact and instant: it checks how many
//! fetches were in flight at once, when the first began, how long the whole took in virtual
//! time, and the order of the results when later pages answer sooner. It cannot see a real
//! network.

use std::future::Future;
use std::time::Duration;

/// What it costs to start the pool's worker processes (they start side by side).
pub const PROCESS_START: Duration = Duration::from_millis(50);

/// A model of a process pool: `workers` processes, each running one job at a time.
pub struct ProcessPool {
    workers: usize,
}

impl ProcessPool {
    pub fn new(workers: usize) -> Self {
        Self {
            workers: workers.max(1),
        }
    }

    /// Runs `job` on every item, at most `workers` at a time, and returns results in order.
    pub async fn map<T, Fut>(&self, items: Vec<String>, job: impl Fn(String) -> Fut) -> Vec<T>
    where
        Fut: Future<Output = T> + Send + 'static,
        T: Send + 'static,
    {
        tokio::time::sleep(PROCESS_START).await;
        let mut results = Vec::with_capacity(items.len());
        for round in items.chunks(self.workers) {
            let running: Vec<_> = round
                .iter()
                .cloned()
                .map(|item| tokio::spawn(job(item)))
                .collect();
            for worker in running {
                results.push(worker.await.expect("a pool worker crashed"));
            }
        }
        results
    }
}

/// The cores of the machine the classic tutorial's pool would size itself to.
pub const CORES: usize = 2;

/// Fetches every URL, all waits at once, and returns the bodies in the order of `urls`.
pub async fn fetch_all<Fut>(urls: Vec<String>, fetch: impl Fn(String) -> Fut) -> Vec<String>
where
    Fut: Future<Output = String> + Send + 'static,
{
    ProcessPool::new(CORES).map(urls, fetch).await
}
