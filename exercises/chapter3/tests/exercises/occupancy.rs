//! What the threads did inside `work`, recorded with atomics (shared by exercises 3.2 and 3.3).

use std::collections::{BTreeSet, HashSet};
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::thread::{self, ThreadId};

/// The sum of `i * i` over `numbers`, by formula: the tests' own answer, independent of yours.
pub fn squares(numbers: Range<u64>) -> u128 {
    let below = |n: u64| {
        let n = u128::from(n);
        // 0² + 1² + ... + (n-1)² = (n-1) n (2n-1) / 6
        n.saturating_sub(1) * n * (2 * n).saturating_sub(1) / 6
    };
    if numbers.end <= numbers.start {
        return 0;
    }
    below(numbers.end) - below(numbers.start)
}

#[derive(Default)]
pub struct Occupancy {
    inside: AtomicUsize,
    most_inside: AtomicUsize,
    worked: Mutex<Vec<Range<u64>>>,
    threads: Mutex<HashSet<ThreadId>>,
    thread_names: Mutex<BTreeSet<String>>,
    arrived: Mutex<usize>,
    everyone_arrived: Condvar,
}

impl Occupancy {
    /// The `work` the exercises are given: records who is inside, calls `meet` while inside
    /// (and as the first visit of a new thread, if `first_visit` is set), then sums the squares.
    pub fn work(&self, numbers: Range<u64>, meet: impl FnOnce(bool)) -> u128 {
        let now_inside = self.inside.fetch_add(1, Ordering::SeqCst) + 1;
        self.most_inside.fetch_max(now_inside, Ordering::SeqCst);
        let current = thread::current();
        let name = current.name().unwrap_or("a thread with no name");
        self.thread_names.lock().unwrap().insert(name.to_owned());
        let first_visit = self.threads.lock().unwrap().insert(current.id());
        meet(first_visit);
        self.worked.lock().unwrap().push(numbers.clone());
        self.inside.fetch_sub(1, Ordering::SeqCst);
        squares(numbers)
    }

    /// Waits until `threads` different threads have called this, at most once per thread; after
    /// that it never waits again. Only threads that really run at the same time get past it.
    pub fn rendezvous(&self, threads: usize) {
        let mut arrived = self.arrived.lock().unwrap();
        *arrived += 1;
        self.everyone_arrived.notify_all();
        while *arrived < threads {
            arrived = self.everyone_arrived.wait(arrived).unwrap();
        }
    }

    pub fn most_inside(&self) -> usize {
        self.most_inside.load(Ordering::SeqCst)
    }

    /// The ranges `work` was called with, sorted.
    pub fn worked(&self) -> Vec<Range<u64>> {
        let mut worked = self.worked.lock().unwrap().clone();
        worked.sort_by_key(|numbers| (numbers.start, numbers.end));
        worked
    }

    /// How many different threads called `work`.
    pub fn threads(&self) -> usize {
        self.threads.lock().unwrap().len()
    }

    /// The names of the threads that called `work`.
    pub fn thread_names(&self) -> BTreeSet<String> {
        self.thread_names.lock().unwrap().clone()
    }
}
