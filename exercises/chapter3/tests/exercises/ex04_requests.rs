//! Exercise 3.4: waiting for the network (book: src/ch03/04-requests.md).
//!
//! The "server" is a paused clock: request `id` sleeps its own latency of virtual time, and the
//! latencies differ, so the responses come back in another order than the requests went out.
//! Tokio's test clock jumps straight to the next timer when every task is waiting, so the
//! elapsed times below are exact, the same on every machine, and the test takes milliseconds.

use std::sync::Arc;
use std::time::Duration;

use chapter3::requests::{all_at_once, one_after_another};
use support::Exercise;
use support::testkit::{Occupancy, run_paused};
use tokio::time::Instant;

const EXERCISE: Exercise = Exercise::new("3.4", "ch03/04-requests.md").with_hang_hint(
    "a future that is never awaited to completion, or a blocking call (std::thread::sleep, a \
     std lock held while waiting) inside async code",
);

const REQUESTS: usize = 10;

/// Request `id`'s latency: 10 to 100 ms, shuffled so that request 0 is not the first to return.
fn latency(id: usize) -> Duration {
    Duration::from_millis(10 * (1 + (id * 7 % 10)) as u64)
}

/// What happened during one way of sending the requests.
struct Run {
    responses: Vec<String>,
    elapsed: Duration,
    most_in_flight: usize,
}

#[derive(Clone, Copy, PartialEq)]
enum How {
    OneAfterAnother,
    AllAtOnce,
}

/// Sends `count` requests the learner's way, on a single-threaded runtime whose clock is paused.
fn send(how: How, count: usize) -> Run {
    run_paused(async move {
        let in_flight = Arc::new(Occupancy::new());
        let start = Instant::now();
        let counter = Arc::clone(&in_flight);
        let request = move |id| request(&counter, id);
        let responses = match how {
            How::OneAfterAnother => one_after_another(count, request).await,
            How::AllAtOnce => all_at_once(count, request).await,
        };
        Run {
            responses,
            elapsed: start.elapsed(),
            most_in_flight: in_flight.most(),
        }
    })
}

/// One request to the simulated server: its latency of waiting, then a response that names it.
fn request(in_flight: &Arc<Occupancy>, id: usize) -> impl Future<Output = String> + Send + use<> {
    let in_flight = Arc::clone(in_flight);
    async move {
        let _in_flight = in_flight.enter();
        tokio::time::sleep(latency(id)).await;
        format!("response {id}")
    }
}

/// Checks one run of `count` requests against what its way of sending must give.
fn check(how: How, count: usize, run: &Run) {
    let name = match how {
        How::OneAfterAnother => "one_after_another",
        How::AllAtOnce => "all_at_once",
    };
    let expected: Vec<String> = (0..count).map(|id| format!("response {id}")).collect();
    EXERCISE.check(
        run.responses == expected,
        format!(
            "{name}({count}): got {} responses starting {:?}: return one response per request, in \
             request order (responses[i] answers request i), whichever came back first",
            run.responses.len(),
            run.responses.iter().take(3).collect::<Vec<_>>()
        ),
    );
    let latencies = (0..count).map(latency);
    let (in_flight, elapsed) = match how {
        How::OneAfterAnother => (count.min(1), latencies.sum()),
        How::AllAtOnce => (count, latencies.max().unwrap_or_default()),
    };
    EXERCISE.check(
        run.most_in_flight == in_flight,
        match how {
            How::OneAfterAnother => format!(
                "{name}({count}): {} requests were in flight at once: await each response before \
                 sending the next request",
                run.most_in_flight
            ),
            How::AllAtOnce => format!(
                "{name}({count}): at most {} of {count} requests were in flight at once: start \
                 every request (tokio::spawn) before you await any. A future does nothing until \
                 it is spawned or awaited",
                run.most_in_flight
            ),
        },
    );
    EXERCISE.check(
        run.elapsed == elapsed,
        format!(
            "{name}({count}) took {} ms of virtual time, not {} ms",
            run.elapsed.as_millis(),
            elapsed.as_millis()
        ),
    );
}

const HEADER: &str =
    "how                requests  latencies     most in flight  virtual time  responses\n";

fn row(how: How, run: &Run) -> String {
    check(how, REQUESTS, run);
    let name = match how {
        How::OneAfterAnother => "one after another",
        How::AllAtOnce => "all at once",
    };
    format!(
        "{name:<18} {REQUESTS:>8}  10 to 100 ms  {:>14}  {:>9} ms  in order\n",
        run.most_in_flight,
        run.elapsed.as_millis()
    )
}

#[test]
fn one_request_after_another_waits_ten_times() {
    let run = EXERCISE.run(|| send(How::OneAfterAnother, REQUESTS));
    let table = format!("{HEADER}{}", row(How::OneAfterAnother, &run));
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

#[test]
fn requests_all_at_once_wait_together() {
    let run = EXERCISE.run(|| send(How::AllAtOnce, REQUESTS));
    let table = format!("{HEADER}{}", row(How::AllAtOnce, &run));
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

/// Not in the answer key: no request at all, one, and more than ten.
#[test]
fn other_numbers_of_requests() {
    for count in [0, 1, 3, 17] {
        for how in [How::OneAfterAnother, How::AllAtOnce] {
            let run = EXERCISE.run(move || send(how, count));
            check(how, count, &run);
        }
    }
}
