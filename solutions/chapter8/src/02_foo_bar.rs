//! Exercise 8.2: foo and bar, alternately.
//! Book: src/ch08/02-foo-bar.md

use super::sync::{Condvar, Mutex};

// ANCHOR: solution
/// Two threads: one calls `foo`, the other `bar`. Together they print "foobar" `n` times.
pub struct FooBar {
    n: usize,
    /// Whose turn it is: `true` for foo, `false` for bar.
    foo_turn: Mutex<bool>,
    turn_changed: Condvar,
}

impl FooBar {
    pub fn new(n: usize) -> Self {
        Self {
            n,
            foo_turn: Mutex::new(true),
            turn_changed: Condvar::new(),
        }
    }

    pub fn foo(&self, mut print_foo: impl FnMut()) {
        for _ in 0..self.n {
            self.take_turn(true, &mut print_foo);
        }
    }

    pub fn bar(&self, mut print_bar: impl FnMut()) {
        for _ in 0..self.n {
            self.take_turn(false, &mut print_bar);
        }
    }

    /// Waits for this side's turn, prints, and hands the turn to the other side.
    fn take_turn(&self, is_foo: bool, print: &mut impl FnMut()) {
        let mut foo_turn = self.foo_turn.lock().unwrap();
        while *foo_turn != is_foo {
            foo_turn = self.turn_changed.wait(foo_turn).unwrap();
        }
        print();
        *foo_turn = !is_foo;
        // Only one other thread exists, so waking one is enough.
        self.turn_changed.notify_one();
    }
}
// ANCHOR_END: solution
