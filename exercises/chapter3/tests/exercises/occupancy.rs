//! What the threads did inside `work` (shared by exercises 3.2 and 3.3), and the tests' own
//! answers to exercise 3.1.

use std::ops::Range;
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

/// What the threads did inside `work`: the toolkit's occupancy counter, plus the order of the
/// calls and a wait on each thread's first call.
#[derive(Default)]
pub struct Occupancy {
    region: support::testkit::Occupancy,
    /// Every call to `work`, in the order the calls began, with the thread that made it.
    calls: Mutex<Vec<(ThreadId, Range<u64>)>>,
    /// How many threads have entered `work`.
    entered: Mutex<usize>,
    changed: Condvar,
}

impl Occupancy {
    /// The `work` the exercises are given: records who is inside and in what order; on a
    /// thread's first call, waits (inside) until `threads` threads have entered `work`, or
    /// until `someone_waits()` (another thread waits in line for the lock this one holds);
    /// then sums the squares by formula. Whoever changes what `someone_waits` sees calls
    /// [`Occupancy::nudge`].
    pub fn work(
        &self,
        numbers: Range<u64>,
        threads: usize,
        someone_waits: impl Fn() -> bool,
    ) -> u128 {
        let inside = self.region.enter();
        let me = thread::current().id();
        self.calls.lock().unwrap().push((me, numbers.clone()));
        if inside.first_of_its_thread() {
            let mut entered = self.entered.lock().unwrap();
            *entered += 1;
            self.changed.notify_all();
            // Bounded by events, not by time: threads that never run at the same time never
            // get past it (the watchdog then ends the test with the exercise's hang hint).
            drop(
                self.changed
                    .wait_while(entered, |entered| *entered < threads && !someone_waits())
                    .unwrap(),
            );
        }
        drop(inside);
        squares(numbers)
    }

    /// Something a waiting first step looks at has changed: let it look again.
    pub fn nudge(&self) {
        let _entered = self.entered.lock().unwrap();
        self.changed.notify_all();
    }

    pub fn most_inside(&self) -> usize {
        self.region.most()
    }

    /// The ranges `work` was called with, sorted.
    pub fn worked(&self) -> Vec<Range<u64>> {
        let mut worked: Vec<Range<u64>> = self
            .calls
            .lock()
            .unwrap()
            .iter()
            .map(|(_, numbers)| numbers.clone())
            .collect();
        worked.sort_by_key(|numbers| (numbers.start, numbers.end));
        worked
    }

    /// Runs of consecutive calls by the same thread, in call order: with one thread per piece
    /// and the lock held around the whole piece, exactly one run per thread.
    pub fn runs(&self) -> usize {
        let calls = self.calls.lock().unwrap();
        let changes = calls
            .windows(2)
            .filter(|pair| pair[0].0 != pair[1].0)
            .count();
        if calls.is_empty() { 0 } else { changes + 1 }
    }

    /// How many different threads called `work`.
    pub fn threads(&self) -> usize {
        self.region.threads()
    }

    /// The names of the threads that called `work`, sorted.
    pub fn thread_names(&self) -> Vec<String> {
        self.region.thread_names()
    }
}

/// The pieces exercise 3.1 asks for, computed the tests' own way: piece `k` of `parts` starts
/// after `k` base-size pieces plus one extra number for each earlier piece that got one.
pub fn expected_pieces(numbers: Range<u64>, parts: usize) -> Vec<Range<u64>> {
    let parts = parts as u64;
    let len = numbers.end.saturating_sub(numbers.start);
    let start_of = |k: u64| numbers.start + k * (len / parts) + k.min(len % parts);
    (0..parts).map(|k| start_of(k)..start_of(k + 1)).collect()
}
