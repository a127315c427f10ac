//! Provided for exercise 1.1: the GIL's fields and the guard that gives it back. The methods
//! `acquire`, `try_acquire` and `release` are the exercise (`01_global_lock.rs`).

use crate::sync::{Condvar, Mutex};

/// One lock for a whole interpreter: a `locked` flag guarded by a mutex, and a condition variable
/// that waiting threads sleep on. CPython's GIL has this very shape (`Python/ceval_gil.c`).
#[derive(Debug, Default)]
pub struct Gil {
    /// True while some thread holds the GIL.
    pub(crate) locked: Mutex<bool>,
    /// Waiting threads sleep here until `locked` is cleared.
    pub(crate) released: Condvar,
}

/// Proof that the current thread holds the GIL. Dropping it releases the GIL.
#[must_use = "the GIL is released as soon as the guard is dropped"]
#[derive(Debug)]
pub struct GilGuard<'gil> {
    pub(crate) gil: &'gil Gil,
}

impl Gil {
    pub fn new() -> Self {
        Self::default()
    }
}

impl Drop for GilGuard<'_> {
    fn drop(&mut self) {
        self.gil.release();
    }
}
