//! Exercise 3.4: waiting for the network.
//! Book: src/ch03/04-requests.md
//!
//! I/O-bound work spends its time waiting. `request(id)` returns a future that waits for one
//! response (in the tests, 10 to 100 ms on a paused clock, different for each request, so the
//! responses come back in another order than the requests went out). Send `count` requests two
//! ways:
//!
//! - `one_after_another`: await request 0, then request 1, ...: the classic tutorial's sequential loop.
//! - `all_at_once`: start every request as a task of its own (`tokio::spawn`), then collect the
//!   responses. One thread, many waits at the same time: what asyncio does.
//!
//! Both return the responses in request order (`responses[i]` answers `request(i)`).
//!
//! The tests run on a runtime whose clock is paused: the virtual time they report is exact. They
//! check the order of the responses, how many requests were in flight at once and the virtual
//! time, for 10 requests and for 0, 1, 3 and 17; they cannot tell a task from a thread, and they
//! cannot see what happens on a real network (the release-mode example does that).

use std::future::Future;

/// Sends request 0, waits for its response, then request 1, and so on.
/// Returns the responses in request order.
pub async fn one_after_another<F, Fut>(count: usize, request: F) -> Vec<Fut::Output>
where
    F: Fn(usize) -> Fut,
    Fut: Future + Send + 'static,
    Fut::Output: Send + 'static,
{
    // TODO: a loop that awaits each request before sending the next.
    todo!()
}

/// Starts all `count` requests, then collects their responses in request order.
pub async fn all_at_once<F, Fut>(count: usize, request: F) -> Vec<Fut::Output>
where
    F: Fn(usize) -> Fut,
    Fut: Future + Send + 'static,
    Fut::Output: Send + 'static,
{
    // TODO: `tokio::spawn` every request first, then await the join handles in order.
    todo!()
}
