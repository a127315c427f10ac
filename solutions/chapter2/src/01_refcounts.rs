//! Exercise 2.1: reference counts three ways.
//! Book: src/ch02/01-refcounts.md

use crate::provided::refcounts::lock;
use crate::sync::Ordering;

pub use crate::provided::refcounts::{
    AtomicCount, Count, LockPerStepCount, LockedCount, RacyCount, RefCount,
};

// ANCHOR: solution
impl RefCount for RacyCount {
    fn incref(&self) {
        // Two separate steps. Each is atomic on its own (no torn reads), but another thread may
        // run in between, and then one of the two increments is lost.
        let seen = self.0.load(Ordering::SeqCst);
        self.0.store(seen + 1, Ordering::SeqCst);
    }
}

impl RefCount for AtomicCount {
    fn incref(&self) {
        // One indivisible instruction (`lock xadd` on x86): no thread can come in between.
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

impl RefCount for LockedCount {
    fn incref(&self) {
        // The guard lives to the end of the statement: load, add and store all happen inside.
        *lock(&self.0) += 1;
    }
}
// ANCHOR_END: solution
