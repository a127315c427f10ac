//! Exercise 8.4: building H2O.
//! Book: src/ch08/04-h2o.md
//!
//! Every hydrogen atom is a thread that calls `hydrogen`, every oxygen atom a thread that calls
//! `oxygen`, arriving in any order. An atom may only leave (call its `release` callback) as part
//! of a water molecule: in the sequence of releases, every group of three consecutive releases
//! must be two hydrogens and one oxygen. An atom waits until it can form a molecule with two
//! others; atoms of the next molecule wait until the current one has completely left.
//!
//! Use `super::sync::{Mutex, Condvar}` (provided, in `provided/sync.rs`: its `wait` may return
//! without a notification, as std's may, so re-check your condition in a loop).
//! The tests start 8 hydrogen and 4 oxygen threads in 8 arrival orders, other mixes all at once,
//! and one molecule under every interleaving with loom (at most 1 forced switch). They cut the
//! releases into groups of three, and check at every release that the atoms of its molecule
//! have all arrived. They cannot tell which atoms bonded with which, only that each group is H2O.

#[allow(unused_imports)]
use super::sync::{Condvar, Mutex};

pub struct H2O {
    // TODO: the molecule being built (free places for each kind, who has joined, who has left)
    // in a Mutex, and a Condvar.
}

impl H2O {
    pub fn new() -> Self {
        // TODO: an empty molecule: room for two hydrogens and one oxygen.
        todo!()
    }

    pub fn hydrogen(&self, release_hydrogen: impl FnOnce()) {
        // TODO: join the current molecule when there is room, wait until it is complete,
        // release, and open the next molecule once all three have left.
        todo!()
    }

    pub fn oxygen(&self, release_oxygen: impl FnOnce()) {
        // TODO: the same for oxygen.
        todo!()
    }
}

impl Default for H2O {
    fn default() -> Self {
        Self::new()
    }
}
