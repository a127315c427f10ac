//! Exercise 3.6: mixed work.
//! Book: src/ch03/06-mixed-work.md

use tokio::sync::Mutex;

// ANCHOR: solution
/// One request of a program that waits and computes: wait for the response with the GIL
/// released, then parse it holding the GIL, as a CPython thread does.
pub async fn fetch_and_parse<Response, Parsed>(
    gil: &Mutex<()>,
    wait: impl AsyncFnOnce() -> Response,
    parse: impl AsyncFnOnce(Response) -> Parsed,
) -> Parsed {
    // No lock while waiting: other requests may run their Python meanwhile.
    let response = wait().await;
    // Parsing is Python code: it needs the GIL, and keeps it until it is done.
    let _gil = gil.lock().await;
    parse(response).await
}
// ANCHOR_END: solution
