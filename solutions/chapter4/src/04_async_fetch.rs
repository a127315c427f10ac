//! Exercise 4.4: tokio as asyncio: many requests, a concurrency limit, a timeout each.
//! Book: src/ch04/04-asyncio.md

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;

pub use crate::provided::async_fetch::{FetchError, Fetched};

// ANCHOR: solution
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
    let permits = Arc::new(Semaphore::new(limit.max(1)));
    let fetch = Arc::new(fetch);
    // Spawn every request at once; the semaphore, not the loop, decides how many run.
    let requests: Vec<_> = urls
        .into_iter()
        .map(|url| {
            let permits = Arc::clone(&permits);
            let fetch = Arc::clone(&fetch);
            tokio::spawn(async move {
                let _permit = permits.acquire_owned().await.expect("never closed");
                // The timeout starts when the request does, not while it queues for a permit.
                let page = match tokio::time::timeout(timeout, fetch(url.clone())).await {
                    Ok(Ok(page)) => Ok(page),
                    Ok(Err(why)) => Err(FetchError::Failed(why)),
                    Err(_elapsed) => Err(FetchError::TimedOut),
                };
                Fetched { url, page }
            })
        })
        .collect();
    // Awaiting the handles in input order keeps the order; it does not serialise the requests,
    // which are already running.
    let mut fetched = Vec::with_capacity(requests.len());
    for request in requests {
        fetched.push(request.await.expect("a request task panicked"));
    }
    fetched
}
// ANCHOR_END: solution
