//! Exercise 3.4: waiting for the network (book: src/ch03/04-requests.md).
//!
//! The "server" is a paused clock: each request sleeps 50 ms of virtual time. Tokio's test clock
//! jumps straight to the next timer when every task is waiting, so the elapsed times below are
//! exact, the same on every machine, and the test takes milliseconds of real time.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use chapter3::requests::{all_at_once, one_after_another};
use support::Exercise;
use tokio::time::Instant;

const EXERCISE: Exercise = Exercise::new("3.4", "ch03/04-requests.md").with_hang_hint(
    "a future that is never awaited to completion, or a blocking call (std::thread::sleep, a \
     std lock held while waiting) inside async code",
);

const REQUESTS: usize = 10;
const LATENCY: Duration = Duration::from_millis(50);

/// What happened during one way of sending the requests.
struct Run {
    responses: Vec<String>,
    elapsed: Duration,
    most_in_flight: usize,
}

#[derive(Default)]
struct InFlight {
    now: AtomicUsize,
    most: AtomicUsize,
}

/// Runs `send` on a single-threaded runtime whose clock is paused, under the watchdog.
fn measure<Send, Sent>(send: Send) -> Run
where
    Send: FnOnce(Arc<InFlight>) -> Sent + std::marker::Send + 'static,
    Sent: Future<Output = Vec<String>>,
{
    EXERCISE.run(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()
            .expect("could not build a tokio runtime");
        runtime.block_on(async move {
            let in_flight = Arc::new(InFlight::default());
            let start = Instant::now();
            let responses = send(Arc::clone(&in_flight)).await;
            Run {
                responses,
                elapsed: start.elapsed(),
                most_in_flight: in_flight.most.load(Ordering::SeqCst),
            }
        })
    })
}

/// One request to the simulated server: 50 ms of waiting, then a response that names it.
fn request(in_flight: &Arc<InFlight>, id: usize) -> impl Future<Output = String> + Send + use<> {
    let in_flight = Arc::clone(in_flight);
    async move {
        let now = in_flight.now.fetch_add(1, Ordering::SeqCst) + 1;
        in_flight.most.fetch_max(now, Ordering::SeqCst);
        tokio::time::sleep(LATENCY).await;
        in_flight.now.fetch_sub(1, Ordering::SeqCst);
        format!("response {id}")
    }
}

const HEADER: &str =
    "how                requests  latency each  most in flight  virtual time  responses\n";

fn row(how: &str, run: &Run) -> String {
    let expected: Vec<String> = (0..REQUESTS).map(|id| format!("response {id}")).collect();
    EXERCISE.check(
        run.responses == expected,
        format!(
            "{how}: got {} responses starting {:?}: return one response per request, in request order",
            run.responses.len(),
            run.responses.iter().take(3).collect::<Vec<_>>()
        ),
    );
    format!(
        "{how:<18} {REQUESTS:>8}  {:>9} ms  {:>14}  {:>9} ms  in order\n",
        LATENCY.as_millis(),
        run.most_in_flight,
        run.elapsed.as_millis()
    )
}

#[test]
fn one_request_after_another_waits_ten_times() {
    let run = measure(|in_flight| async move {
        one_after_another(REQUESTS, move |id| request(&in_flight, id)).await
    });
    let table = format!("{HEADER}{}", row("one after another", &run));
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

#[test]
fn requests_all_at_once_wait_together() {
    let run = measure(|in_flight| async move {
        all_at_once(REQUESTS, move |id| request(&in_flight, id)).await
    });
    let table = format!("{HEADER}{}", row("all at once", &run));
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}
