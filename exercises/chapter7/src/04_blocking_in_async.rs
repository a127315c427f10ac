//! Exercise 7.4: a blocking call inside async code.
//! Book: src/ch07/04-blocking-in-async.md
//! Starter code: runs, with a mistake to find.
//!
//! Find and fix. `serve` answers requests on tokio tasks, and each answer needs a read from a
//! slow disk. `Disk` offers the read two ways: `read_blocking` holds the calling thread for
//! `DISK_LATENCY`, `read` waits without holding any thread. A task that calls the blocking one
//! stalls its runtime thread: no other task on that thread runs until it returns. It is the
//! asyncio mistake of calling `requests.get` or `time.sleep` inside a coroutine.
//!
//! The test runs `serve` on a single-threaded runtime and records on which thread every blocking
//! read ran: none may run on the runtime's own thread. Two fixes pass: await the async `read`,
//! or move the blocking call onto tokio's blocking pool. This chapter's `stall` example measures
//! what the mistake costs the other tasks.

use std::sync::{Arc, Mutex};
use std::thread::{self, ThreadId};
use std::time::Duration;

/// How long one read from the slow disk takes.
pub const DISK_LATENCY: Duration = Duration::from_millis(20);

/// A slow disk that remembers which threads called its blocking read.
#[derive(Default)]
pub struct Disk {
    blocking_readers: Mutex<Vec<ThreadId>>,
}

impl Disk {
    /// Reads `key`, holding the calling thread for `DISK_LATENCY`.
    pub fn read_blocking(&self, key: &str) -> String {
        self.blocking_readers
            .lock()
            .unwrap()
            .push(thread::current().id());
        thread::sleep(DISK_LATENCY);
        format!("contents of {key}")
    }

    /// Reads `key`, waiting `DISK_LATENCY` without holding a thread.
    pub async fn read(&self, key: &str) -> String {
        tokio::time::sleep(DISK_LATENCY).await;
        format!("contents of {key}")
    }

    /// The threads that called `read_blocking`, one entry per call.
    pub fn blocking_readers(&self) -> Vec<ThreadId> {
        self.blocking_readers.lock().unwrap().clone()
    }
}

/// Answers every request on a task of its own; the answers keep the order of `keys`.
pub async fn serve(disk: Arc<Disk>, keys: Vec<String>) -> Vec<String> {
    let tasks: Vec<_> = keys
        .into_iter()
        .map(|key| tokio::spawn(handle(Arc::clone(&disk), key)))
        .collect();
    let mut answers = Vec::with_capacity(tasks.len());
    for task in tasks {
        answers.push(task.await.expect("a request handler panicked"));
    }
    answers
}

// TODO: this code runs, and holds the mistake the book describes: find it and fix it.
// ANCHOR: mistake
/// Answers one request.
async fn handle(disk: Arc<Disk>, key: String) -> String {
    let body = disk.read_blocking(&key);
    format!("200 OK: {body}")
}
// ANCHOR_END: mistake
