//! Exercise 2.1: reference counts three ways.
//! Book: src/ch02/01-refcounts.md
//!
//! CPython keeps a reference count in every object and changes it all the time. Write the
//! increment three ways and let loom show you which ones lose updates:
//!
//! - `RacyCount::incref`: load the count, then store the count plus one: two separate steps,
//!   as `ob_refcnt++` compiles to when nothing protects it.
//! - `AtomicCount::incref`: one atomic read-modify-write (`fetch_add`).
//! - `LockedCount::incref`: the whole read-modify-write under the mutex, as under a GIL.
//!
//! `cargo test -p chapter2` checks each count on real threads: the atomic and the locked count
//! must never lose an increment. Real threads cannot show the race reliably (it needs an unlucky
//! moment), so a second test runs two threads incrementing a count of 5 twice each under loom,
//! which tries *every* interleaving and snapshots the set of final counts. `crate::sync` gives
//! std's types on real threads and loom's inside the model, so the same code serves both.
//! Neither test can see whether your atomic uses a weaker `Ordering` than it could; `SeqCst` is
//! fine.
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

impl RefCount for RacyCount {
    fn new(start: usize) -> Self {
        Self(AtomicUsize::new(start))
    }

    fn incref(&self) {
        // TODO: `load` the count, then `store` it plus one: two steps, on purpose.
        todo!()
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
        // TODO: one atomic read-modify-write.
        todo!()
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
        // TODO: hold the lock (`lock(&self.0)`) for the whole increment.
        todo!()
    }

    fn get(&self) -> usize {
        *lock(&self.0)
    }
}

/// Provided, complete: what the GIL does for *your* `x += 1` in Python: the load and the store are two bytecodes,
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

/// Locks a count, even after a panic elsewhere: a `usize` cannot be left half-written.
fn lock(count: &Mutex<usize>) -> MutexGuard<'_, usize> {
    count.lock().unwrap_or_else(|poison| poison.into_inner())
}
