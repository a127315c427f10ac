//! Exercise 8.3: zero, even, odd.
//! Book: src/ch08/03-zero-even-odd.md
//!
//! Three threads share one `ZeroEvenOdd::new(n)`: one calls `zero`, one `even`, one `odd`.
//! Together they print "0102030405..." up to `n`: a zero before every number, the zeros from
//! the `zero` thread, odd numbers from `odd`, even numbers from `even`.
//! For n = 5: `0 1 0 2 0 3 0 4 0 5`, printed as "0102030405".
//!
//! Use `super::sync::{Mutex, Condvar}` (provided, in `provided/sync.rs`: its `wait` may return
//! without a notification, as std's may, so re-check your condition in a loop).
//! The tests try n = 1, 2 and 7 with the threads started in all 6 orders, other n (0 too) with
//! all started at once, and every interleaving of n = 2 with loom (at most 1 forced switch);
//! note that for n = 1 the `even` thread has nothing to print and must still return.

#[allow(unused_imports)]
use super::sync::{Condvar, Mutex};

pub struct ZeroEvenOdd {
    n: u32,
    // TODO: whose turn it is and which number comes next (in a Mutex), and a Condvar.
}

impl ZeroEvenOdd {
    pub fn new(n: u32) -> Self {
        // TODO: the zero thread goes first, and the first number is 1.
        todo!()
    }

    /// Prints `0` before each of the numbers 1..=n.
    pub fn zero(&self, print: impl FnMut(u32)) {
        // TODO
        todo!()
    }

    /// Prints 2, 4, 6, ... up to n, each after its zero.
    pub fn even(&self, print: impl FnMut(u32)) {
        // TODO
        todo!()
    }

    /// Prints 1, 3, 5, ... up to n, each after its zero.
    pub fn odd(&self, print: impl FnMut(u32)) {
        // TODO
        todo!()
    }
}
