//! Exercise 3.6: mixed work (book: src/ch03/06-mixed-work.md).
//!
//! Virtual time stands for both kinds of time: a wait is a timer with the GIL released, a parse
//! is a timer with the GIL held (the time a real parse would keep the processor busy).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use chapter3::mixed_work::fetch_and_parse;
use support::Exercise;
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
    waiting: AtomicUsize,
    most_waiting: AtomicUsize,
    parsing: AtomicUsize,
    most_parsing: AtomicUsize,
    /// Times a wait started while its own GIL was held, or a parse while it was free.
    misplaced: AtomicUsize,
}

fn enter(now: &AtomicUsize, most: &AtomicUsize) {
    let inside = now.fetch_add(1, Ordering::SeqCst) + 1;
    most.fetch_max(inside, Ordering::SeqCst);
}

/// One request through the learner's `fetch_and_parse`, with the test's network and parser.
/// `private`: nobody else uses this `gil`, so the wait can check that it is free.
async fn one_request(
    recorder: Arc<Recorder>,
    gil: Arc<Mutex<()>>,
    private: bool,
    id: u32,
) -> String {
    let on_wait = Arc::clone(&recorder);
    let on_parse = Arc::clone(&recorder);
    let (gil_seen_by_wait, gil_seen_by_parse) = (Arc::clone(&gil), Arc::clone(&gil));
    fetch_and_parse(
        &gil,
        move || async move {
            enter(&on_wait.waiting, &on_wait.most_waiting);
            tokio::time::sleep(WAIT).await;
            on_wait.waiting.fetch_sub(1, Ordering::SeqCst);
            // Only this request uses a private GIL: held now means held by this request.
            if private && gil_seen_by_wait.try_lock().is_err() {
                on_wait.misplaced.fetch_add(1, Ordering::SeqCst);
            }
            format!("response {id}")
        },
        move |response: String| async move {
            if gil_seen_by_parse.try_lock().is_ok() {
                on_parse.misplaced.fetch_add(1, Ordering::SeqCst);
            }
            enter(&on_parse.parsing, &on_parse.most_parsing);
            tokio::time::sleep(PARSE).await;
            on_parse.parsing.fetch_sub(1, Ordering::SeqCst);
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

fn run(model: Model) -> Run {
    EXERCISE.run(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()
            .expect("could not build a tokio runtime");
        runtime.block_on(async move {
            let recorder = Arc::new(Recorder::default());
            let shared_gil = Arc::new(Mutex::new(()));
            let start = Instant::now();
            let mut results = Vec::new();
            if let Model::OneAfterAnother = model {
                for id in 0..REQUESTS {
                    let gil = Arc::new(Mutex::new(()));
                    results.push(one_request(Arc::clone(&recorder), gil, true, id).await);
                }
            } else {
                let tasks: Vec<_> = (0..REQUESTS)
                    .map(|id| {
                        let (gil, private) = match model {
                            Model::ThreadsOneGil => (Arc::clone(&shared_gil), false),
                            _ => (Arc::new(Mutex::new(())), true),
                        };
                        tokio::spawn(one_request(Arc::clone(&recorder), gil, private, id))
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
    let mut table = String::from(
        "how                    requests  most waiting  most parsing  virtual time  Amdahl predicts\n",
    );
    for (how, model, workers, parse_in_parallel) in rows {
        let run = run(model);
        let expected: Vec<String> = (0..REQUESTS).map(|id| format!("parsed {id}")).collect();
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
        table.push_str(&format!(
            "{how:<22} {REQUESTS:>9} {:>13} {:>13} {:>10} ms  {:>12.0} ms\n",
            run.recorder.most_waiting.load(Ordering::SeqCst),
            run.recorder.most_parsing.load(Ordering::SeqCst),
            run.elapsed.as_millis(),
            amdahl_ms(workers, parse_in_parallel),
        ));
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}
