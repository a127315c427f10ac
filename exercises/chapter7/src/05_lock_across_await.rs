//! Exercise 7.5: a lock held across `.await`.
//! Book: src/ch07/05-lock-across-await.md
//! Starter code: runs, with a mistake to find.
//!
//! Find and fix. `cached_get` keeps fetched values in a cache shared by every task. It locks the
//! cache, and on a miss fetches the value and stores it. Look at what the lock guard is doing
//! while the fetch waits: every other task that wants the cache waits too, even for a key that
//! has nothing to do with this one.
//!
//! Fix it so the lock is never held while a fetch is in flight. Two tasks that miss the same key
//! at the same moment may then both fetch it; that is the usual price, and this exercise accepts
//! it.
//!
//! The test runs ten tasks for ten keys on tokio's paused clock, and counts the fetches in
//! flight at once and the virtual time taken; then asks again and expects cache hits only.

use std::collections::HashMap;
use std::future::Future;

use tokio::sync::Mutex;

/// Values by key, shared by every task.
pub type Cache = Mutex<HashMap<String, String>>;

// TODO: this code runs, and holds the mistake the book describes: find it and fix it.
// ANCHOR: mistake
/// Returns the cached value for `key`, fetching and caching it on a miss.
pub async fn cached_get<Fut>(
    cache: &Cache,
    key: String,
    fetch: impl FnOnce(String) -> Fut,
) -> String
where
    Fut: Future<Output = String>,
{
    let mut values = cache.lock().await;
    if let Some(value) = values.get(&key) {
        return value.clone();
    }
    let value = fetch(key.clone()).await;
    values.insert(key, value.clone());
    value
}
// ANCHOR_END: mistake
