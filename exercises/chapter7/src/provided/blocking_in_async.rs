//! Provided for exercise 7.4: a slow disk that can be read two ways, and that notes who read it.
//!
//! `read_blocking` holds the calling thread for `DISK_LATENCY`; `read` waits as long without
//! holding any thread. The disk records on which thread every blocking read ran, and, when a
//! test asks it to, lets a blocking read wait until others are in flight beside it, so that
//! reads able to run at the same time are seen to. `serve` answers each request on a tokio task
//! of its own with the exercise's `handle`. You do not need to change anything here.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::{self, ThreadId};
use std::time::Duration;

/// How long one read from the slow disk takes.
pub const DISK_LATENCY: Duration = Duration::from_millis(20);

/// Answers every request on a task of its own, each with `handle` (in the exercise file); the
/// answers keep the order of `keys`.
pub async fn serve(disk: Arc<Disk>, keys: Vec<String>) -> Vec<String> {
    let tasks: Vec<_> = keys
        .into_iter()
        .map(|key| tokio::spawn(crate::blocking_in_async::handle(Arc::clone(&disk), key)))
        .collect();
    let mut answers = Vec::with_capacity(tasks.len());
    for task in tasks {
        answers.push(task.await.expect("a request handler panicked"));
    }
    answers
}

/// How long a gathering read waits without another read arriving before it gives up. Reads that
/// can run together arrive within milliseconds; this only ends the wait when they never can.
const QUIET_LIMIT: Duration = Duration::from_secs(1);

/// A slow disk that remembers which threads called its blocking read.
#[derive(Default)]
pub struct Disk {
    reads: AtomicUsize,
    state: Mutex<Blocking>,
    changed: Condvar,
}

#[derive(Default)]
struct Blocking {
    readers: Vec<ThreadId>,
    in_flight: usize,
    most_in_flight: usize,
    /// The blocking reads that wait for others, 0 for none; set to 0 once they gathered.
    gather: usize,
    /// The thread whose blocking reads never wait (a runtime's own thread).
    never_waits: Option<ThreadId>,
}

impl Disk {
    /// A disk whose blocking reads, except on `never_waits`, wait until `reads` of them are in
    /// flight at once (or no new one came for a second).
    pub fn gathering(reads: usize, never_waits: ThreadId) -> Self {
        let disk = Self::default();
        *disk.state() = Blocking {
            gather: reads,
            never_waits: Some(never_waits),
            ..Blocking::default()
        };
        disk
    }

    fn state(&self) -> std::sync::MutexGuard<'_, Blocking> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Reads `key`, holding the calling thread for `DISK_LATENCY`.
    pub fn read_blocking(&self, key: &str) -> String {
        self.reads.fetch_add(1, Ordering::SeqCst);
        let me = thread::current().id();
        let mut state = self.state();
        state.readers.push(me);
        state.in_flight += 1;
        state.most_in_flight = state.most_in_flight.max(state.in_flight);
        if state.in_flight >= state.gather {
            state.gather = 0;
        }
        self.changed.notify_all();
        while state.gather > 0 && state.never_waits != Some(me) {
            let arrived = state.in_flight;
            let (next, waited) = self
                .changed
                .wait_timeout(state, QUIET_LIMIT)
                .unwrap_or_else(PoisonError::into_inner);
            state = next;
            if waited.timed_out() && state.in_flight == arrived {
                state.gather = 0;
                self.changed.notify_all();
            }
        }
        drop(state);
        thread::sleep(DISK_LATENCY);
        self.state().in_flight -= 1;
        format!("contents of {key}")
    }

    /// Reads `key`, waiting `DISK_LATENCY` without holding a thread.
    pub async fn read(&self, key: &str) -> String {
        self.reads.fetch_add(1, Ordering::SeqCst);
        tokio::time::sleep(DISK_LATENCY).await;
        format!("contents of {key}")
    }

    /// The threads that called `read_blocking`, one entry per call.
    pub fn blocking_readers(&self) -> Vec<ThreadId> {
        self.state().readers.clone()
    }

    /// The most blocking reads that were in flight at the same moment.
    pub fn most_blocking_at_once(&self) -> usize {
        self.state().most_in_flight
    }

    /// All reads, blocking or not.
    pub fn reads(&self) -> usize {
        self.reads.load(Ordering::SeqCst)
    }
}
