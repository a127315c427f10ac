//! Exercise 2.1: reference counts three ways.
//! Book: src/ch02/01-refcounts.md

use crate::sync::{AtomicUsize, Mutex, MutexGuard, Ordering};

/// A reference count that several threads may increment at once.
pub trait RefCount: Send + Sync {
    /// A count that starts at `start`, as an object that already has `start` references.
    fn new(start: usize) -> Self;
    /// One more reference: CPython's `Py_INCREF`.
    fn incref(&self);
    /// The count now.
    fn get(&self) -> usize;
}

/// A count incremented the way `ob_refcnt++` runs on a CPU: load, add, store. Nothing stops
/// another thread from storing between this thread's load and its store.
#[derive(Debug)]
pub struct RacyCount(AtomicUsize);

/// A count incremented with one atomic read-modify-write instruction.
#[derive(Debug)]
pub struct AtomicCount(AtomicUsize);

/// A count incremented under a lock held for the whole read-modify-write, as the GIL does for
/// the interpreter's own reference counts.
#[derive(Debug)]
pub struct LockedCount(Mutex<usize>);

// ANCHOR: solution
impl RefCount for RacyCount {
    fn new(start: usize) -> Self {
        Self(AtomicUsize::new(start))
    }

    fn incref(&self) {
        // Two separate steps. Each is atomic on its own (no torn reads), but another thread may
        // run in between, and then one of the two increments is lost.
        let seen = self.0.load(Ordering::SeqCst);
        self.0.store(seen + 1, Ordering::SeqCst);
    }

    fn get(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

impl RefCount for AtomicCount {
    fn new(start: usize) -> Self {
        Self(AtomicUsize::new(start))
    }

    fn incref(&self) {
        // One indivisible instruction (`lock xadd` on x86): no thread can come in between.
        self.0.fetch_add(1, Ordering::SeqCst);
    }

    fn get(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

impl RefCount for LockedCount {
    fn new(start: usize) -> Self {
        Self(Mutex::new(start))
    }

    fn incref(&self) {
        // The guard lives to the end of the statement: load, add and store all happen inside.
        *lock(&self.0) += 1;
    }

    fn get(&self) -> usize {
        *lock(&self.0)
    }
}
// ANCHOR_END: solution

// ANCHOR: per_step
/// What the GIL does for *your* `x += 1` in Python: the load and the store are two bytecodes,
/// each run while holding the lock, but the lock may change hands between them.
#[derive(Debug)]
pub struct LockPerStepCount(Mutex<usize>);

impl RefCount for LockPerStepCount {
    fn new(start: usize) -> Self {
        Self(Mutex::new(start))
    }

    fn incref(&self) {
        let seen = *lock(&self.0); // LOAD: take the lock, read, let go
        *lock(&self.0) = seen + 1; // STORE: take the lock again, write, let go
    }

    fn get(&self) -> usize {
        *lock(&self.0)
    }
}
// ANCHOR_END: per_step

/// Locks a count, even after a panic elsewhere: a `usize` cannot be left half-written.
fn lock(count: &Mutex<usize>) -> MutexGuard<'_, usize> {
    count.lock().unwrap_or_else(|poison| poison.into_inner())
}
