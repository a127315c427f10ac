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
//!
//! The counts and their `new` and `get` are provided (`provided/refcounts.rs`): `RacyCount` and
//! `AtomicCount` keep the number in an `AtomicUsize` (`self.0`), `LockedCount` in a
//! `Mutex<usize>` that `lock(&self.0)` locks. You write each one's `incref`.

use crate::provided::refcounts::lock;
use crate::sync::Ordering;

pub use crate::provided::refcounts::{
    AtomicCount, Count, LockPerStepCount, LockedCount, RacyCount, RefCount,
};

impl RefCount for RacyCount {
    fn incref(&self) {
        // TODO: `load` the count, then `store` it plus one: two steps, on purpose.
        todo!()
    }
}

impl RefCount for AtomicCount {
    fn incref(&self) {
        // TODO: one atomic read-modify-write.
        todo!()
    }
}

impl RefCount for LockedCount {
    fn incref(&self) {
        // TODO: hold the lock (`lock(&self.0)`) for the whole increment.
        todo!()
    }
}
