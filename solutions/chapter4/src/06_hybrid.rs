//! Exercise 4.6: a hybrid: async I/O feeding CPU work to other threads.
//! Book: src/ch04/06-hybrid.md

use std::future::Future;
use std::sync::Arc;

// ANCHOR: solution
/// Fetches every page with `fetch` (all at once), and runs `crunch` on each page as soon as it
/// arrives, on a thread that is not the runtime's, so that the event loop keeps serving I/O
/// while pages are crunched. The results come back in input order.
pub async fn fetch_and_crunch<F, Fut, C>(ids: Vec<u32>, fetch: F, crunch: C) -> Vec<u64>
where
    F: Fn(u32) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = String> + Send + 'static,
    C: Fn(String) -> u64 + Send + Sync + 'static,
{
    let fetch = Arc::new(fetch);
    let crunch = Arc::new(crunch);
    let jobs: Vec<_> = ids
        .into_iter()
        .map(|id| {
            let fetch = Arc::clone(&fetch);
            let crunch = Arc::clone(&crunch);
            tokio::spawn(async move {
                let page = fetch(id).await;
                // CPU work goes to tokio's blocking threads (rayon plus a oneshot channel would
                // do as well); awaiting it leaves the event loop free meanwhile.
                tokio::task::spawn_blocking(move || crunch(page))
                    .await
                    .expect("crunch panicked")
            })
        })
        .collect();
    let mut sums = Vec::with_capacity(jobs.len());
    for job in jobs {
        sums.push(job.await.expect("a job panicked"));
    }
    sums
}
// ANCHOR_END: solution
