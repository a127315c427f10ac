//! Provided for exercise 2.5: a GIL for real threads and `Attached`, the proof of holding it.
//! `Attached::detach` is the exercise (`05_release.rs`).

use std::sync::{Condvar, Mutex, MutexGuard};
use std::thread::{self, ThreadId};

/// A GIL for real threads that knows which thread holds it.
#[derive(Debug, Default)]
pub struct Gil {
    holder: Mutex<Option<ThreadId>>,
    released: Condvar,
}

/// Proof that the current thread holds the GIL, like PyO3's `Python<'py>` token. Dropping it
/// releases the GIL.
#[must_use = "the GIL is released as soon as this is dropped"]
#[derive(Debug)]
pub struct Attached<'gil> {
    pub(crate) gil: &'gil Gil,
}

impl Gil {
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes the GIL, waiting as long as it takes (`PyGILState_Ensure`, PyO3's `attach`).
    pub fn attach(&self) -> Attached<'_> {
        self.take();
        Attached { gil: self }
    }

    /// The thread holding the GIL right now, if any.
    pub fn holder(&self) -> Option<ThreadId> {
        *self.state()
    }

    /// Waits until the GIL is free and takes it. Taking it twice on one thread is a mistake
    /// that would otherwise wait for itself forever: it panics instead.
    pub(crate) fn take(&self) {
        let me = thread::current().id();
        let mut holder = self.state();
        // Waiting for a GIL this thread already holds would wait for itself, forever.
        assert!(
            *holder != Some(me),
            "this thread took the GIL while already holding it: take it back once, not twice"
        );
        while holder.is_some() {
            holder = self
                .released
                .wait(holder)
                .unwrap_or_else(|poison| poison.into_inner());
        }
        *holder = Some(me);
    }

    /// Gives the GIL back and wakes a waiter. Only the thread holding it may.
    pub(crate) fn give_back(&self) {
        let mut holder = self.state();
        assert!(
            *holder == Some(thread::current().id()),
            "this thread gave back a GIL it did not hold: give it back once, not twice"
        );
        *holder = None;
        drop(holder);
        self.released.notify_one();
    }

    fn state(&self) -> MutexGuard<'_, Option<ThreadId>> {
        self.holder
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }
}

impl Drop for Attached<'_> {
    fn drop(&mut self) {
        self.gil.give_back();
    }
}
