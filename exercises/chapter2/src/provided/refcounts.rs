//! Provided for exercise 2.1: the counts, how each one starts and is read, and the count that
//! takes its lock once per step. The increments are the exercise (`01_refcounts.rs`).

use crate::sync::{AtomicUsize, Mutex, MutexGuard, Ordering};

/// A reference count that several threads may increment at once.
pub trait RefCount: Count {
    /// One more reference: CPython's `Py_INCREF`.
    fn incref(&self);
}

/// What every count can do besides the increment: start, and be read.
pub trait Count: Send + Sync {
    /// A count that starts at `start`, as an object that already has `start` references.
    fn new(start: usize) -> Self;
    /// The count now.
    fn get(&self) -> usize;
}

/// A count incremented the way `ob_refcnt++` runs on a CPU: load, add, store. Nothing stops
/// another thread from storing between this thread's load and its store.
#[derive(Debug)]
pub struct RacyCount(pub(crate) AtomicUsize);

/// A count incremented with one atomic read-modify-write instruction.
#[derive(Debug)]
pub struct AtomicCount(pub(crate) AtomicUsize);

/// A count incremented under a lock held for the whole read-modify-write, as the GIL does for
/// the interpreter's own reference counts.
#[derive(Debug)]
pub struct LockedCount(pub(crate) Mutex<usize>);

/// A count starts as its cell's `new(start)` and is read with `get`, the same for every count of
/// a cell type: written once here, for the counts listed.
macro_rules! counts_in {
    ($cell:ty, read with $read:path: $($count:ty),+) => {$(
        impl Count for $count {
            fn new(start: usize) -> Self {
                Self(<$cell>::new(start))
            }

            fn get(&self) -> usize {
                $read(&self.0)
            }
        }
    )+};
}

counts_in!(AtomicUsize, read with load: RacyCount, AtomicCount);
counts_in!(Mutex<usize>, read with read_locked: LockedCount, LockPerStepCount);

// ANCHOR: per_step
/// What the GIL does for *your* `x += 1` in Python: the load and the store are two bytecodes,
/// each run while holding the lock, but the lock may change hands between them.
#[derive(Debug)]
pub struct LockPerStepCount(Mutex<usize>);

impl RefCount for LockPerStepCount {
    fn incref(&self) {
        let seen = *lock(&self.0); // LOAD: take the lock, read, let go
        *lock(&self.0) = seen + 1; // STORE: take the lock again, write, let go
    }
}
// ANCHOR_END: per_step

fn load(count: &AtomicUsize) -> usize {
    count.load(Ordering::SeqCst)
}

fn read_locked(count: &Mutex<usize>) -> usize {
    *lock(count)
}

/// Locks a count, even after a panic elsewhere: a `usize` cannot be left half-written.
pub(crate) fn lock(count: &Mutex<usize>) -> MutexGuard<'_, usize> {
    count.lock().unwrap_or_else(|poison| poison.into_inner())
}
