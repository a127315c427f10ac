//! Exercise 8.1: print in order.
//! Book: src/ch08/01-in-order.md
//!
//! Three threads share one `InOrder`. One calls `first`, one `second`, one `third`, and they
//! start in any order. Make `print_first` run before `print_second`, and that before
//! `print_third`, whatever order the threads arrive in.
//!
//! Use `super::sync::{Mutex, Condvar}` (provided, in `provided/sync.rs`: its `wait` may return
//! without a notification, as std's may, so re-check your condition in a loop).
//!
//! The tests start the three threads in all 6 orders, giving each a head start, and all at once,
//! and check what was printed; a thread left waiting with nobody to wake it is reported at once.
//! They also check every interleaving of one run with loom, which also catches a thread that
//! waits by looping (lock, look, unlock) instead of sleeping on the `Condvar`.

#[allow(unused_imports)]
use super::sync::{Condvar, Mutex};

pub struct InOrder {
    // TODO: the shared state, e.g. how many steps have run (in a Mutex) and a Condvar to wait on.
}

impl InOrder {
    pub fn new() -> Self {
        // TODO: the starting state: no step has run yet.
        todo!()
    }

    pub fn first(&self, print_first: impl FnOnce()) {
        // TODO: print, then let `second` go ahead.
        todo!()
    }

    pub fn second(&self, print_second: impl FnOnce()) {
        // TODO: wait until `first` has printed; print; let `third` go ahead.
        todo!()
    }

    pub fn third(&self, print_third: impl FnOnce()) {
        // TODO: wait until `second` has printed; print.
        todo!()
    }
}

impl Default for InOrder {
    fn default() -> Self {
        Self::new()
    }
}
