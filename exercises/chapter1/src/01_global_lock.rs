//! Exercise 1.1: a global interpreter lock.
//! Book: src/ch01/01-global-lock.md
//!
//! Build the GIL the way CPython does: a `locked` flag behind a mutex, and a condition variable
//! that waiting threads sleep on until the flag is cleared.
//!
//! - `acquire` blocks until the GIL is free, sets `locked`, and returns a [`GilGuard`].
//! - `try_acquire` never blocks: a guard if the GIL was free, `None` if it was not.
//! - `release` clears `locked` and wakes a waiting thread. Dropping a guard calls it for you.
//!
//! `Gil` and `GilGuard` are provided (`provided/global_lock.rs`): the GIL holds
//! `locked: Mutex<bool>` and `released: Condvar`, a guard holds `gil: &Gil`, and dropping a
//! guard calls your `release`. The mutex and condition variable are `crate::sync`'s: std's
//! types, except that in the tests `wait` returns now and then without a notification (a
//! *spurious* wake-up, which the standard library allows and real systems produce). Code that
//! trusts one wait to mean "the GIL is free" fails.
//!
//! The tests check that a held GIL refuses a second thread, that a dropped guard frees it, and
//! that threads waiting for the GIL sleep until it is released and then all get it: each waiter
//! must fall asleep on the condition variable (a waiter that spins instead is caught taking the
//! flag's lock thousands of times; a wake-up that is never sent shows up as a hang that the test
//! stops). They cannot check that the thread that
//! waited longest goes first: CPython's GIL does not promise that either.

pub use crate::provided::global_lock::{Gil, GilGuard};

impl Gil {
    /// Blocks until the GIL is free, takes it, and returns the guard that gives it back.
    pub fn acquire(&self) -> GilGuard<'_> {
        // TODO: wait on `self.released` while `locked` is true, then set it and return a guard.
        todo!()
    }

    /// Takes the GIL only if it is free right now.
    pub fn try_acquire(&self) -> Option<GilGuard<'_>> {
        // TODO: never wait here.
        todo!()
    }

    /// Gives the GIL back and wakes one waiting thread. Only a guard calls this.
    pub(crate) fn release(&self) {
        // TODO: clear `locked`, then wake a waiter.
        todo!()
    }
}
