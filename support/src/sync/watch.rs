//! What tests can see of the threads using these types, to act on events instead of on time:
//! which threads are asleep in [`Condvar::wait`](super::Condvar::wait), and how many wake-ups a
//! thread has sent. Real threads only (inside a loom model, loom decides who runs).

use std::cell::Cell;
use std::collections::HashSet;
use std::sync::{Condvar, Mutex, PoisonError};

use super::thread::ThreadId;

/// The threads asleep in a real (not spurious) wait right now, and a count of changes that
/// [`block_until`] sleeps on.
static ASLEEP: Mutex<Option<HashSet<ThreadId>>> = Mutex::new(None);
static CHANGES: Mutex<u64> = Mutex::new(0);
static CHANGED: Condvar = Condvar::new();

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
    let mut changes = CHANGES.lock().unwrap_or_else(PoisonError::into_inner);
    while !ready() {
        changes = CHANGED
            .wait(changes)
            .unwrap_or_else(PoisonError::into_inner);
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
