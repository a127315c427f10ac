//! Exercise 7.5: a lock held across `.await` (book: src/ch07/05-lock-across-await.md).

use std::sync::Arc;
use std::time::Duration;

use chapter7::lock_across_await::{Cache, cached_get};
use support::Exercise;
use tokio::time::Instant;

use crate::{InFlight, paused_runtime};

const EXERCISE: Exercise = Exercise::new("7.5", "ch07/05-lock-across-await.md");
const MISTAKE: &str = "a lock held across .await";

const KEYS: usize = 10;
const LATENCY: Duration = Duration::from_millis(100);

/// One round: a task per key, all at once. Returns the values and the virtual time taken.
async fn round(cache: Arc<Cache>, fetching: Arc<InFlight>) -> (Vec<String>, Duration) {
    let started = Instant::now();
    let tasks: Vec<_> = (0..KEYS)
        .map(|key| {
            let (cache, fetching) = (Arc::clone(&cache), Arc::clone(&fetching));
            tokio::spawn(async move {
                cached_get(&cache, format!("user-{key}"), |key| async move {
                    fetching.enter();
                    tokio::time::sleep(LATENCY).await;
                    fetching.leave();
                    format!("profile of {key}")
                })
                .await
            })
        })
        .collect();
    let mut values = Vec::new();
    for task in tasks {
        values.push(task.await.expect("a task panicked"));
    }
    (values, started.elapsed())
}

#[test]
fn misses_fetch_at_the_same_time_and_hits_wait_for_nothing() {
    let fetching = Arc::new(InFlight::default());
    let recorder = Arc::clone(&fetching);
    let (first, second) = EXERCISE.run(move || {
        paused_runtime().block_on(async move {
            let cache = Arc::new(Cache::default());
            let first = round(Arc::clone(&cache), Arc::clone(&recorder)).await;
            let fetches_in_first = recorder.started();
            let second = round(cache, recorder).await;
            (first, (second.0, second.1, fetches_in_first))
        })
    });
    let expected: Vec<String> = (0..KEYS)
        .map(|key| format!("profile of user-{key}"))
        .collect();
    EXERCISE.check(
        first.0 == expected && second.0 == expected,
        "every key must get its own value, \"profile of <key>\", in both rounds",
    );
    EXERCISE.check(
        fetching.most() == KEYS && first.1 == LATENCY,
        format!(
            "mistake still present ({MISTAKE}): {KEYS} misses for {KEYS} different keys took {} \
             ms of virtual time with at most {} fetch in flight; release the cache's lock before \
             awaiting the fetch",
            first.1.as_millis(),
            fetching.most()
        ),
    );
    let fetches_in_second = fetching.started() - second.2;
    EXERCISE.check(
        fetches_in_second == 0,
        format!(
            "the second round fetched {fetches_in_second} values again: store each fetched \
             value in the cache"
        ),
    );
    EXERCISE.answer_key(|| {
        insta::assert_snapshot!(format!(
            "round          keys  fetches  most fetches in flight  total (virtual time)\n\
         1 (all miss)  {KEYS:>5}  {:>7}  {:>22}  {:>17} ms\n\
         2 (all hit)   {KEYS:>5}  {fetches_in_second:>7}  {:>22}  {:>17} ms\n",
            second.2,
            fetching.most(),
            first.1.as_millis(),
            "-",
            second.1.as_millis()
        ))
    });
}
