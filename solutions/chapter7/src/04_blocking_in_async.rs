//! Exercise 7.4: a blocking call inside async code.
//! Book: src/ch07/04-blocking-in-async.md
//!
//! Find and fix. `serve` (provided in `provided/blocking_in_async.rs`) answers each request with
//! `handle` on a tokio task of its own, and each answer needs a read from a slow disk (`Disk`,
//! provided there too, can be read two ways: `read_blocking` holds the calling thread for
//! `DISK_LATENCY`, `read` waits without holding any thread). The requests
//! should wait for the disk side by side; they do not. It is the asyncio mistake of calling
//! `requests.get` or `time.sleep` inside a coroutine.
//!
//! The test runs `serve` on a single-threaded runtime, records on which thread every blocking
//! read ran, and checks that reads which leave the runtime's thread were in flight together.
//! This chapter's `stall` example measures what the mistake costs the other tasks.

use std::sync::Arc;

pub use crate::provided::blocking_in_async::{DISK_LATENCY, Disk, serve};

// ANCHOR: solution
/// Answers one request; `serve` runs it on a task of its own.
pub async fn handle(disk: Arc<Disk>, key: String) -> String {
    // Waiting on the disk must not hold the runtime's thread: await the async read.
    let body = disk.read(&key).await;
    format!("200 OK: {body}")
}
// ANCHOR_END: solution
