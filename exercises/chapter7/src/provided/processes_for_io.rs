//! Provided for exercise 7.3: a model of a process pool, sized the way the classic tutorial's
//! `Pool()` sizes itself. You do not need to change anything here.

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
