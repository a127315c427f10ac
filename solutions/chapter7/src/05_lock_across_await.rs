//! Exercise 7.5: a lock held across `.await`.
//! Book: src/ch07/05-lock-across-await.md
//!
//! Find and fix. `cached_get` keeps fetched values in a cache shared by every task (`Cache`,
//! provided: a `tokio::sync::Mutex` around a `HashMap`). On a miss it fetches the value and
//! stores it. It gives the right values, and yet ten tasks asking for ten
//! different keys take ten times as long as one.
//!
//! Two tasks that miss the same key at the same moment may both fetch it; this exercise accepts
//! that.
//!
//! The test runs ten tasks for ten keys on tokio's paused clock, and counts the fetches in
//! flight at once and the virtual time taken; then asks again and expects cache hits only; and
//! checks that a hit does not wait while another key is being fetched.

pub use crate::provided::lock_across_await::Cache;

// ANCHOR: solution
/// Returns the cached value for `key`, fetching and caching it on a miss.
pub async fn cached_get(
    cache: &Cache,
    key: String,
    fetch: impl AsyncFnOnce(String) -> String,
) -> String {
    // The guard is a temporary of this statement: the lock is free again before the fetch.
    if let Some(value) = cache.lock().await.get(&key) {
        return value.clone();
    }
    let value = fetch(key.clone()).await;
    cache.lock().await.insert(key, value.clone());
    value
}
// ANCHOR_END: solution
