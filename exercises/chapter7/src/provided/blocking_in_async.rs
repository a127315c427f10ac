//! Provided for exercise 7.4: a slow disk that can be read two ways, and that notes who read it.
//!
//! `read_blocking` holds the calling thread for `DISK_LATENCY`; `read` waits as long without
//! holding any thread. The disk records on which thread every blocking read ran. The tests' disk
//! (`Disk::gathering`) holds a blocking read, instead, until others are in flight beside it, so
//! that reads able to run at the same time are seen to. `serve` answers each request on a tokio
//! task of its own with the exercise's `handle`. You do not need to change anything here.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, ThreadId};
use std::time::Duration;

use support::testkit::Gathering;

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

/// The last resort of a gathering read that waits for others: the gathering gives up as soon as
/// every other thread of the process is asleep (see [`Gathering`]), and after this long without a
/// new read only when it cannot tell.
const QUIET_LIMIT: Duration = Duration::from_secs(1);

/// A slow disk that remembers which threads called its blocking read.
#[derive(Default)]
pub struct Disk {
    reads: AtomicUsize,
    state: Mutex<Blocking>,
    /// Set by [`Disk::gathering`], for the tests.
    held: Option<Held>,
}

#[derive(Default)]
struct Blocking {
    readers: Vec<ThreadId>,
    in_flight: usize,
    most_in_flight: usize,
}

/// How a test's disk holds blocking reads, so that reads able to run at once are seen at once.
struct Held {
    gathering: Gathering,
    /// The thread whose blocking reads never wait (a runtime's own thread).
    never_waits: ThreadId,
}

impl Disk {
    /// A disk for a test: its blocking reads, except on `never_waits`, wait until `reads` of
    /// them are in flight at once (or until no other one can come), and then do not sleep out
    /// `DISK_LATENCY`: what the test checks (which threads read, and how many reads were in
    /// flight together) is settled by then, and sleeping would only make every run, right or
    /// wrong, slower (the starter code's five reads on the runtime's thread: 100 ms).
    pub fn gathering(reads: usize, never_waits: ThreadId) -> Self {
        Self {
            held: Some(Held {
                gathering: Gathering::new(reads, QUIET_LIMIT),
                never_waits,
            }),
            ..Self::default()
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, Blocking> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Reads `key`, holding the calling thread for `DISK_LATENCY` (a test's disk: see
    /// [`Disk::gathering`]).
    pub fn read_blocking(&self, key: &str) -> String {
        self.reads.fetch_add(1, Ordering::SeqCst);
        let me = thread::current().id();
        {
            let mut state = self.state();
            state.readers.push(me);
            state.in_flight += 1;
            state.most_in_flight = state.most_in_flight.max(state.in_flight);
        }
        match &self.held {
            Some(held) if held.never_waits != me => held.gathering.arrive(),
            Some(_) => {}
            None => thread::sleep(DISK_LATENCY),
        }
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
