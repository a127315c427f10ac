//! Exercise 7.5: a lock held across `.await` (book: src/ch07/05-lock-across-await.md).

use std::sync::Arc;
use std::time::Duration;

use chapter7::lock_across_await::{Cache, cached_get};
use support::Exercise;
use support::testkit::{Occupancy, run_paused};
use tokio::time::Instant;

const EXERCISE: Exercise = Exercise::new("7.5", "ch07/05-lock-across-await.md");

const KEYS: usize = 10;
const LATENCY: Duration = Duration::from_millis(100);

/// Looks `key` up through `cached_get`, with a fetch that takes `LATENCY` of virtual time.
/// Returns the value and when it came, from `started`.
async fn get(
    cache: Arc<Cache>,
    key: String,
    fetching: Arc<Occupancy>,
    started: Instant,
) -> (String, Duration) {
    let value = cached_get(&cache, key, |key| async move {
        let _in_flight = fetching.enter();
        tokio::time::sleep(LATENCY).await;
        format!("profile of {key}")
    })
    .await;
    (value, started.elapsed())
}

/// One task per key, all at once. Returns each value and when it came.
async fn at_once(
    cache: &Arc<Cache>,
    keys: &[&str],
    fetching: &Arc<Occupancy>,
) -> Vec<(String, Duration)> {
    let started = Instant::now();
    let tasks: Vec<_> = keys
        .iter()
        .map(|key| {
            let (cache, fetching) = (Arc::clone(cache), Arc::clone(fetching));
            tokio::spawn(get(cache, key.to_string(), fetching, started))
        })
        .collect();
    let mut values = Vec::new();
    for task in tasks {
        values.push(task.await.expect("a task panicked"));
    }
    values
}

fn ms(time: Duration) -> u128 {
    time.as_millis()
}

#[test]
fn misses_fetch_at_the_same_time_and_hits_wait_for_nothing() {
    let fetching = Arc::new(Occupancy::new());
    let recorder = Arc::clone(&fetching);
    let (first, fetches_in_first, second) = EXERCISE.run(move || {
        run_paused(async move {
            let cache = Arc::new(Cache::default());
            let names: Vec<String> = (0..KEYS).map(|key| format!("user-{key}")).collect();
            let keys: Vec<&str> = names.iter().map(String::as_str).collect();
            let first = at_once(&cache, &keys, &recorder).await;
            let fetches_in_first = recorder.entries();
            let second = at_once(&cache, &keys, &recorder).await;
            (first, fetches_in_first, second)
        })
    });
    let took = |round: &[(String, Duration)]| round.iter().map(|(_, at)| *at).max();
    let (first_took, second_took) = (took(&first).unwrap(), took(&second).unwrap());
    EXERCISE.check(
        fetches_in_first == KEYS,
        format!(
            "{KEYS} tasks missed {KEYS} different keys and made {fetches_in_first} fetches: \
             each miss needs exactly one fetch"
        ),
    );
    EXERCISE.check(
        fetching.most() > 1,
        format!(
            "{KEYS} misses for {KEYS} different keys took {} ms of virtual time, one fetch at a \
             time: while a fetch was in flight, every other task waited for the cache, even for \
             a key of its own",
            ms(first_took)
        ),
    );
    let expected: Vec<String> = (0..KEYS)
        .map(|key| format!("profile of user-{key}"))
        .collect();
    let values = |round: &[(String, Duration)]| -> Vec<String> {
        round.iter().map(|(value, _)| value.clone()).collect()
    };
    EXERCISE.check(
        values(&first) == expected && values(&second) == expected,
        format!(
            "the values were {:?}, then {:?}: every key must get its own value, \"profile of \
             <key>\", in both rounds",
            values(&first),
            values(&second)
        ),
    );
    let fetches_in_second = fetching.entries() - fetches_in_first;
    EXERCISE.check(
        fetches_in_second == 0,
        format!(
            "the second round asked for the same {KEYS} keys and fetched {fetches_in_second} \
             of them again: what the first round fetched was not found in the cache"
        ),
    );
    EXERCISE.answer_key(|| {
        insta::assert_snapshot!(format!(
            "round          keys  fetches  most fetches in flight  total (virtual time)\n\
         1 (all miss)  {KEYS:>5}  {:>7}  {:>22}  {:>17} ms\n\
         2 (all hit)   {KEYS:>5}  {fetches_in_second:>7}  {:>22}  {:>17} ms\n",
            fetches_in_first,
            fetching.most(),
            ms(first_took),
            "-",
            ms(second_took)
        ))
    });
}

/// A cached key asked for while another key's fetch is in flight: the hit must not wait for
/// that fetch. Keys and timings not in the answer key.
#[test]
fn a_hit_does_not_wait_for_another_keys_fetch() {
    let fetching = Arc::new(Occupancy::new());
    let recorder = Arc::clone(&fetching);
    let (round, fetched_before) = EXERCISE.run(move || {
        run_paused(async move {
            let cache = Arc::new(Cache::default());
            at_once(&cache, &["hot"], &recorder).await;
            let fetched_before = recorder.entries();
            let round = at_once(&cache, &["cold", "hot", "hot"], &recorder).await;
            (round, fetched_before)
        })
    });
    let refetched = fetching.entries() - fetched_before;
    EXERCISE.check(
        refetched <= 1,
        format!(
            "\"hot\" was fetched, then asked for again beside a new key, \"cold\": that made \
             {refetched} fetches instead of 1, so what was fetched was not found in the cache"
        ),
    );
    let (hit, hit_at) = &round[1];
    EXERCISE.check(
        hit_at.is_zero(),
        format!(
            "\"hot\" was in the cache, yet asking for it took {} ms of virtual time, while \
             another task's fetch of \"cold\" was in flight: a hit waited for a fetch of \
             another key",
            ms(*hit_at)
        ),
    );
    EXERCISE.check(
        hit == "profile of hot" && round[0].0 == "profile of cold",
        format!("the values were {round:?}: expected \"profile of <key>\" for each key"),
    );
}
