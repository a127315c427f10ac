//! Exercise 7.3: processes where I/O concurrency was wanted
//! (book: src/ch07/03-processes-for-io.md).

use std::sync::Arc;
use std::time::Duration;

use chapter7::processes_for_io::fetch_all;
use support::Exercise;
use tokio::time::Instant;

use crate::{InFlight, paused_runtime};

const EXERCISE: Exercise = Exercise::new("7.3", "ch07/03-processes-for-io.md");
const MISTAKE: &str = "processes where I/O concurrency was wanted";

const URLS: usize = 20;
const LATENCY: Duration = Duration::from_millis(100);

#[test]
fn every_fetch_waits_at_the_same_time() {
    let fetching = Arc::new(InFlight::default());
    let recorder = Arc::clone(&fetching);
    let (bodies, took) = EXERCISE.run(move || {
        paused_runtime().block_on(async move {
            let urls = (0..URLS)
                .map(|page| format!("http://127.0.0.1/page/{page}"))
                .collect();
            let started = Instant::now();
            let bodies = fetch_all(urls, |url| {
                let recorder = Arc::clone(&recorder);
                async move {
                    recorder.enter();
                    tokio::time::sleep(LATENCY).await;
                    recorder.leave();
                    format!("body of {url}")
                }
            })
            .await;
            (bodies, started.elapsed())
        })
    });
    let expected: Vec<String> = (0..URLS)
        .map(|page| format!("body of http://127.0.0.1/page/{page}"))
        .collect();
    EXERCISE.check(
        bodies == expected,
        "the bodies must come back once each, in the order of the URLs",
    );
    EXERCISE.check(
        fetching.most() == URLS && took == LATENCY,
        format!(
            "mistake still present ({MISTAKE}): {URLS} fetches of {} ms took {} ms of virtual \
             time with at most {} in flight; a wait needs no core: start every fetch on a tokio \
             task before awaiting any",
            LATENCY.as_millis(),
            took.as_millis(),
            fetching.most()
        ),
    );
    EXERCISE.answer_key(|| {
        insta::assert_snapshot!(format!(
            "fetches  latency each  most in flight  total (virtual time)\n\
         {URLS:>7}  {:>9} ms  {:>14}  {:>17} ms\n",
            LATENCY.as_millis(),
            fetching.most(),
            took.as_millis()
        ))
    });
}
