//! Exercise 8.2: foo and bar, alternately.
//! Book: src/ch08/02-foo-bar.md
//!
//! Two threads share one `FooBar::new(n)`: one calls `foo`, the other `bar`. Each loops `n`
//! times, printing through its callback. Together they must print "foobar" `n` times:
//! "foobarfoobar...", never "foofoo" or a "bar" first, whichever thread starts first.
//!
//! Use `super::sync::{Mutex, Condvar}` (provided, in `provided/sync.rs`: its `wait` may return
//! without a notification, as std's may, so re-check your condition in a loop).
//! The tests run n = 1 and n = 5 with either thread started first, other n (0 too) with both
//! started at once, and every interleaving of n = 2 with loom.

#[allow(unused_imports)]
use super::sync::{Condvar, Mutex};

pub struct FooBar {
    n: usize,
    // TODO: whose turn it is (in a Mutex), and a Condvar to wait for the turn to change.
}

impl FooBar {
    pub fn new(n: usize) -> Self {
        // TODO: foo goes first.
        todo!()
    }

    pub fn foo(&self, print_foo: impl FnMut()) {
        // TODO: n times: wait for foo's turn, print, hand the turn to bar.
        todo!()
    }

    pub fn bar(&self, print_bar: impl FnMut()) {
        // TODO: n times: wait for bar's turn, print, hand the turn to foo.
        todo!()
    }
}
