//! Exercise 2.5: releasing the GIL around blocking work.
//! Book: src/ch02/05-release.md
//!
//! Write `Attached::detach`: give the GIL back, run the blocking closure, take the GIL again.
//! Do it with a guard, `Released`: creating it gives the GIL back, dropping it takes the GIL
//! again, so that a panic inside the closure still leaves the caller holding the GIL, as
//! `Py_END_ALLOW_THREADS` and PyO3's `detach` guarantee. `Gil::take` and `Gil::give_back` are
//! provided.
//!
//! The tests run two real threads that each do a Python step, a blocking call inside `detach`
//! and another Python step. They check that both threads are inside their blocking calls at
//! the same time (impossible unless the GIL is released: a hang there means it was not), never
//! both inside a Python step, that nobody holds the GIL while both block, and that the caller
//! holds it again after `detach` returns or panics. They cannot see how long you keep the GIL
//! released: release it around the blocking call and nothing else.

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
    gil: &'gil Gil,
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

    fn take(&self) {
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

    fn give_back(&self) {
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

impl Attached<'_> {
    /// Runs `blocking` with the GIL released and holds the GIL again when it returns, even if it
    /// panics: `Py_BEGIN_ALLOW_THREADS` ... `Py_END_ALLOW_THREADS`, PyO3's `py.detach`.
    ///
    /// `&mut self` keeps the token out of the closure: code that runs without the GIL cannot
    /// claim to hold it.
    pub fn detach<T>(&mut self, blocking: impl FnOnce() -> T) -> T {
        // TODO: create a `Released` guard for `self.gil`, keep it alive while `blocking` runs.
        todo!()
    }
}

/// While it lives, the GIL is released; dropping it takes the GIL back.
struct Released<'gil> {
    gil: &'gil Gil,
}

impl<'gil> Released<'gil> {
    fn new(gil: &'gil Gil) -> Self {
        // TODO: give the GIL back, then return the guard.
        todo!()
    }
}

impl Drop for Released<'_> {
    fn drop(&mut self) {
        // TODO: take the GIL again.
        todo!()
    }
}
