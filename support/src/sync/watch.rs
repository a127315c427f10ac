//! What tests can see of the threads using these types, to act on events instead of on time:
//! which threads are asleep in [`Condvar::wait`](super::Condvar::wait), how many locks a thread
//! has taken while a test watches (a thread that waits by spinning takes thousands), and how many
//! wake-ups a thread has sent. Real threads only (inside a loom model, loom decides who runs).

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};

use super::thread::ThreadId;

/// The threads asleep in a real (not spurious) wait right now, and a count of changes that
/// [`block_until`] sleeps on.
static ASLEEP: Mutex<Option<HashSet<ThreadId>>> = Mutex::new(None);
static CHANGES: Mutex<u64> = Mutex::new(0);
static CHANGED: Condvar = Condvar::new();

/// How many [`block_until`] calls are running: only then are locks counted.
static WATCHING: AtomicUsize = AtomicUsize::new(0);
/// Locks taken per thread while someone watches.
static LOCKS: Mutex<Option<HashMap<ThreadId, u64>>> = Mutex::new(None);
/// Every this many locks of one thread, [`block_until`] checks its condition again.
const LOCKS_PER_NUDGE: u64 = 1_000;

thread_local! {
    static NOTIFIES_SENT: Cell<u64> = const { Cell::new(0) };
}

/// Whether `thread` is asleep in `Condvar::wait` right now, waiting for a notification.
pub fn is_asleep(thread: ThreadId) -> bool {
    ASLEEP
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .as_ref()
        .is_some_and(|asleep| asleep.contains(&thread))
}

/// Blocks until `ready()` holds. It is checked now, and again every time a thread falls asleep
/// in `Condvar::wait` and every time someone calls [`nudge`]; so a test waits for an event
/// ("the waiter is asleep", "the waiter got the lock") without polling or sleeping.
pub fn block_until(mut ready: impl FnMut() -> bool) {
    WATCHING.fetch_add(1, Ordering::SeqCst);
    let _done = Watching;
    let mut changes = CHANGES.lock().unwrap_or_else(PoisonError::into_inner);
    while !ready() {
        changes = CHANGED
            .wait(changes)
            .unwrap_or_else(PoisonError::into_inner);
    }
}

/// Counts [`block_until`] calls running, also when one unwinds.
struct Watching;

impl Drop for Watching {
    fn drop(&mut self) {
        WATCHING.fetch_sub(1, Ordering::SeqCst);
    }
}

/// How many times `thread` has locked a [`Mutex`](super::Mutex) while a [`block_until`] was
/// running. A thread asleep on a condition variable takes a handful; one that waits by looping
/// (lock, look, unlock, again) takes thousands, and [`block_until`] re-checks its condition
/// every thousand, so a test can stop waiting for a sleep that will never come.
pub fn locks_taken(thread: ThreadId) -> u64 {
    LOCKS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .as_ref()
        .and_then(|locks| locks.get(&thread).copied())
        .unwrap_or(0)
}

pub(super) fn count_lock() {
    if WATCHING.load(Ordering::Relaxed) == 0 {
        return;
    }
    let me = super::thread::current().id();
    let taken = {
        let mut locks = LOCKS.lock().unwrap_or_else(PoisonError::into_inner);
        let taken = locks
            .get_or_insert_with(HashMap::new)
            .entry(me)
            .or_insert(0);
        *taken += 1;
        *taken
    };
    if taken.is_multiple_of(LOCKS_PER_NUDGE) {
        nudge();
    }
}

/// Makes [`block_until`] check its condition again: call it after changing what it looks at.
pub fn nudge() {
    *CHANGES.lock().unwrap_or_else(PoisonError::into_inner) += 1;
    CHANGED.notify_all();
}

/// How many times the current thread has called `notify_one` or `notify_all` so far: a GIL
/// that is released wakes a waiter, so the count tells whether a thread let go of it.
pub fn notifies_sent() -> u64 {
    NOTIFIES_SENT.with(Cell::get)
}

pub(super) fn count_notify() {
    NOTIFIES_SENT.with(|sent| sent.set(sent.get() + 1));
}

/// Marks `thread` asleep until the returned value is dropped (when its wait returns).
pub(super) fn asleep(thread: ThreadId) -> Asleep {
    ASLEEP
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get_or_insert_with(HashSet::new)
        .insert(thread);
    nudge();
    Asleep(thread)
}

pub(super) struct Asleep(ThreadId);

impl Drop for Asleep {
    fn drop(&mut self) {
        if let Some(asleep) = ASLEEP
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_mut()
        {
            asleep.remove(&self.0);
        }
    }
}
