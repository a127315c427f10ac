//! Exercise 3.6: mixed work.
//! Book: src/ch03/06-mixed-work.md
//!
//! Most programs wait *and* compute: fetch a page, then parse it. Under a GIL the waits overlap
//! (the socket calls release the GIL) while the parsing takes turns (it is Python code, it needs
//! the GIL). Write one request of such a program:
//!
//! - call `wait()` and await the response, *without* holding `gil`;
//! - then hold `gil` while you await `parse(response)`, and return what it returns.
//!
//! The tests run ten requests on tokio's paused clock, where a wait takes 50 ms and a parse
//! 15 ms of virtual time: one after another; at once with one shared `gil` (threads under one
//! GIL); and at once with a `gil` of their own each (processes, a GIL each). They record how many
//! requests were waiting and parsing at once, and the exact virtual time, and compare it with
//! Amdahl's law. A second run gives each request its own wait (20 to 119 ms) and parse (5 to 21
//! ms): under one GIL the first parse must start before the last response arrives, and the run
//! must end exactly when a GIL that serves the longest waiter says. They cannot see real processor time: a parse here is a timer, not computation.

use tokio::sync::Mutex;

/// One request: wait for the response with the GIL released, then parse it holding the GIL.
pub async fn fetch_and_parse<Response, Parsed>(
    gil: &Mutex<()>,
    wait: impl AsyncFnOnce() -> Response,
    parse: impl AsyncFnOnce(Response) -> Parsed,
) -> Parsed {
    // TODO: await `wait()` first, with no lock; then lock `gil` (`.lock().await`) around `parse`.
    todo!()
}
