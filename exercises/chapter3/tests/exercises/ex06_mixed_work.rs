//! Exercise 3.6: mixed work (book: src/ch03/06-mixed-work.md).
//!
//! Virtual time stands for both kinds of time: a wait is a timer with the GIL released, a parse
//! is a timer with the GIL held (the time a real parse would keep the processor busy).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex as StdMutex};
use std::time::Duration;

use chapter3::mixed_work::fetch_and_parse;
use support::Exercise;
use support::testkit::{Occupancy, run_paused};
use tokio::sync::Mutex;
use tokio::time::Instant;

const EXERCISE: Exercise = Exercise::new("3.6", "ch03/06-mixed-work.md").with_hang_hint(
    "a lock taken and never released, or awaited while the same task already holds it",
);

const REQUESTS: u32 = 10;
const WAIT: Duration = Duration::from_millis(50);
const PARSE: Duration = Duration::from_millis(15);

/// Counts what is going on at once, with the highest counts seen.
#[derive(Default)]
struct Recorder {
    waiting: Occupancy,
    parsing: Occupancy,
    /// Times a wait ended while its own GIL was held, or a parse ran while the GIL was free.
    misplaced: AtomicUsize,
    /// Virtual times since the start: when the first parse began, when the last response came.
    first_parse: StdMutex<Option<Duration>>,
    last_response: StdMutex<Option<Duration>>,
}

/// One request: how long its response takes to arrive, and how long parsing it takes.
#[derive(Clone, Copy)]
struct Request {
    id: u32,
    wait: Duration,
    parse: Duration,
}

/// One request through the learner's `fetch_and_parse`, with the test's network and parser.
/// `private`: nobody else uses this `gil`, so the wait can check that it is free.
async fn one_request(
    recorder: Arc<Recorder>,
    gil: Arc<Mutex<()>>,
    private: bool,
    start: Instant,
    request: Request,
) -> String {
    let on_wait = Arc::clone(&recorder);
    let on_parse = Arc::clone(&recorder);
    let (gil_seen_by_wait, gil_seen_by_parse) = (Arc::clone(&gil), Arc::clone(&gil));
    let Request { id, wait, parse } = request;
    fetch_and_parse(
        &gil,
        move || async move {
            let waiting = on_wait.waiting.enter();
            tokio::time::sleep(wait).await;
            drop(waiting);
            // Only this request uses a private GIL: held now means held by this request.
            if private && gil_seen_by_wait.try_lock().is_err() {
                on_wait.misplaced.fetch_add(1, Ordering::SeqCst);
            }
            let mut last = on_wait.last_response.lock().unwrap();
            *last = (*last).max(Some(start.elapsed()));
            format!("response {id}")
        },
        move |response: String| async move {
            if gil_seen_by_parse.try_lock().is_ok() {
                on_parse.misplaced.fetch_add(1, Ordering::SeqCst);
            }
            on_parse
                .first_parse
                .lock()
                .unwrap()
                .get_or_insert(start.elapsed());
            let parsing = on_parse.parsing.enter();
            tokio::time::sleep(parse).await;
            drop(parsing);
            response.replace("response", "parsed")
        },
    )
    .await
}

/// How the requests share GILs.
#[derive(Clone, Copy)]
enum Model {
    OneAfterAnother,
    ThreadsOneGil,
    ProcessesAGilEach,
}

struct Run {
    results: Vec<String>,
    elapsed: Duration,
    recorder: Arc<Recorder>,
}

fn run(model: Model, requests: Vec<Request>) -> Run {
    EXERCISE.run(move || {
        run_paused(async move {
            let recorder = Arc::new(Recorder::default());
            let shared_gil = Arc::new(Mutex::new(()));
            let start = Instant::now();
            let mut results = Vec::new();
            if let Model::OneAfterAnother = model {
                for request in requests {
                    let gil = Arc::new(Mutex::new(()));
                    let recorder = Arc::clone(&recorder);
                    results.push(one_request(recorder, gil, true, start, request).await);
                }
            } else {
                let tasks: Vec<_> = requests
                    .into_iter()
                    .map(|request| {
                        let (gil, private) = match model {
                            Model::ThreadsOneGil => (Arc::clone(&shared_gil), false),
                            _ => (Arc::new(Mutex::new(())), true),
                        };
                        let recorder = Arc::clone(&recorder);
                        tokio::spawn(one_request(recorder, gil, private, start, request))
                    })
                    .collect();
                for task in tasks {
                    match task.await {
                        Ok(result) => results.push(result),
                        Err(error) => std::panic::resume_unwind(error.into_panic()),
                    }
                }
            }
            Run {
                results,
                elapsed: start.elapsed(),
                recorder,
            }
        })
    })
}

/// The checks every run must pass, whatever the latencies.
fn check_run(how: &str, requests: &[Request], run: &Run) {
    let expected: Vec<String> = requests
        .iter()
        .map(|r| format!("parsed {}", r.id))
        .collect();
    EXERCISE.check(
        run.results == expected,
        format!(
            "{how}: got {:?}...: return what parse returns, for the response that wait gave",
            run.results.iter().take(2).collect::<Vec<_>>()
        ),
    );
    EXERCISE.check(
        run.recorder.misplaced.load(Ordering::SeqCst) == 0,
        format!(
            "{how}: the GIL was held while waiting, or free while parsing: wait first with no \
             lock, then hold the lock while you await parse"
        ),
    );
}

/// Amdahl's prediction for `workers` requests at once, from the time one request spends
/// waiting (parallel everywhere) and parsing (parallel only if `parse_in_parallel`).
fn amdahl_ms(workers: u32, parse_in_parallel: bool) -> f64 {
    let one_after_another = f64::from(REQUESTS) * (WAIT + PARSE).as_secs_f64();
    let parallel = f64::from(REQUESTS)
        * (WAIT.as_secs_f64()
            + if parse_in_parallel {
                PARSE.as_secs_f64()
            } else {
                0.0
            });
    let p = parallel / one_after_another;
    let speedup = 1.0 / ((1.0 - p) + p / f64::from(workers));
    one_after_another / speedup * 1000.0
}

#[test]
fn waits_overlap_parsing_takes_turns() {
    let rows = [
        ("one after another", Model::OneAfterAnother, 1, false),
        ("threads, one GIL", Model::ThreadsOneGil, REQUESTS, false),
        (
            "processes, a GIL each",
            Model::ProcessesAGilEach,
            REQUESTS,
            true,
        ),
    ];
    let requests: Vec<Request> = (0..REQUESTS)
        .map(|id| Request {
            id,
            wait: WAIT,
            parse: PARSE,
        })
        .collect();
    let mut table = String::from(
        "how                    requests  most waiting  most parsing  virtual time  Amdahl predicts\n",
    );
    for (how, model, workers, parse_in_parallel) in rows {
        let run = run(model, requests.clone());
        check_run(how, &requests, &run);
        table.push_str(&format!(
            "{how:<22} {REQUESTS:>9} {:>13} {:>13} {:>10} ms  {:>12.0} ms\n",
            run.recorder.waiting.most(),
            run.recorder.parsing.most(),
            run.elapsed.as_millis(),
            amdahl_ms(workers, parse_in_parallel),
        ));
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

/// Not in the answer key: responses that arrive at different times and parses of different
/// lengths. Under one GIL (tokio's lock serves the longest waiter first), the first parse must
/// start as soon as the first response is in, long before the last one arrives, and the
/// requests must finish exactly when a GIL that is never idle while a response waits says.
#[test]
fn parsing_starts_as_soon_as_a_response_arrives() {
    let requests: Vec<Request> = (0..REQUESTS)
        .map(|id| Request {
            id,
            wait: Duration::from_millis(u64::from(20 + (id * 37) % 100)),
            parse: Duration::from_millis(u64::from(5 + (id * 11) % 17)),
        })
        .collect();
    let mut by_arrival = requests.clone();
    by_arrival.sort_by_key(|r| r.wait);
    let one_gil_done = by_arrival
        .iter()
        .fold(Duration::ZERO, |free_at, r| free_at.max(r.wait) + r.parse);
    let expectations = [
        (
            "one after another",
            Model::OneAfterAnother,
            requests.iter().map(|r| r.wait + r.parse).sum(),
        ),
        ("threads, one GIL", Model::ThreadsOneGil, one_gil_done),
        (
            "processes, a GIL each",
            Model::ProcessesAGilEach,
            requests.iter().map(|r| r.wait + r.parse).max().unwrap(),
        ),
    ];
    for (how, model, expected) in expectations {
        let run = run(model, requests.clone());
        check_run(how, &requests, &run);
        if let Model::ThreadsOneGil = model {
            let first_parse = run.recorder.first_parse.lock().unwrap().unwrap_or_default();
            let last_response = run
                .recorder
                .last_response
                .lock()
                .unwrap()
                .unwrap_or_default();
            EXERCISE.check(
                first_parse < last_response,
                format!(
                    "{how}: the first parse began at {} ms, after the last response arrived at {} \
                     ms: a request must parse its response as soon as it has it, holding the GIL \
                     only for the parse",
                    first_parse.as_millis(),
                    last_response.as_millis()
                ),
            );
        }
        EXERCISE.check(
            run.elapsed == expected,
            format!(
                "{how}, with waits of 20 to 119 ms and parses of 5 to 21 ms: took {} ms of virtual \
                 time, not {} ms. Hold the GIL for the parse only, from the moment the response \
                 is in until parse returns",
                run.elapsed.as_millis(),
                expected.as_millis()
            ),
        );
    }
}
