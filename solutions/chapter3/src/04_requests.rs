//! Exercise 3.4: waiting for the network.
//! Book: src/ch03/04-requests.md

use std::future::Future;

// ANCHOR: solution
/// Sends request 0, waits for its response, then request 1, and so on: the classic tutorial's
/// single-threaded loop. Returns the responses in request order.
pub async fn one_after_another<F, Fut>(count: usize, request: F) -> Vec<Fut::Output>
where
    F: Fn(usize) -> Fut,
    Fut: Future + Send + 'static,
    Fut::Output: Send + 'static,
{
    let mut responses = Vec::with_capacity(count);
    for id in 0..count {
        responses.push(request(id).await);
    }
    responses
}

/// Starts all `count` requests, then collects their responses in request order. While one
/// request waits, the others wait too: the waits overlap.
pub async fn all_at_once<F, Fut>(count: usize, request: F) -> Vec<Fut::Output>
where
    F: Fn(usize) -> Fut,
    Fut: Future + Send + 'static,
    Fut::Output: Send + 'static,
{
    // Spawn them all first: a task starts making progress as soon as it is spawned.
    let tasks: Vec<_> = (0..count).map(|id| tokio::spawn(request(id))).collect();
    let mut responses = Vec::with_capacity(count);
    for task in tasks {
        // Awaiting in spawn order keeps the responses in request order, whichever came first.
        match task.await {
            Ok(response) => responses.push(response),
            Err(error) => std::panic::resume_unwind(error.into_panic()),
        }
    }
    responses
}
// ANCHOR_END: solution
