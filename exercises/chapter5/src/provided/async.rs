//! Provided for exercise `03_async.rs`: complete, and shared with its solution. What runs the
//! async scraper: a client and a runtime.

use std::time::Duration;

/// An async HTTP client whose every request gives up after `timeout`: the timeout of
/// `scrape_async`. Clone it into each task (a clone shares the connections).
pub fn async_client(timeout: Duration) -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(timeout)
        .build()
        .expect("an HTTP client with default settings always builds")
}

/// A tokio runtime on the calling thread alone, with its timers and I/O: the counterpart of
/// asyncio's event loop, on which every request of `scrape_async` waits side by side.
pub fn one_thread_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime on the current thread always builds")
}
