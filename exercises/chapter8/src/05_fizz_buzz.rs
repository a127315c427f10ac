//! Exercise 8.5: FizzBuzz on four threads.
//! Book: src/ch08/05-fizz-buzz.md
//!
//! Four threads share one `FizzBuzz::new(n)` and together print FizzBuzz from 1 to `n`:
//! - the `fizz` thread prints "fizz" for multiples of 3 (but not 5),
//! - the `buzz` thread prints "buzz" for multiples of 5 (but not 3),
//! - the `fizzbuzz` thread prints "fizzbuzz" for multiples of 15,
//! - the `number` thread prints every other number.
//!
//! Each thread prints only its own kind, all in order, and all four return at the end (a thread
//! whose kind never comes again must still notice that the count is over).
//!
//! Use `super::sync::{Mutex, Condvar}` (provided, in `provided/sync.rs`: its `wait` may return
//! without a notification, as std's may, so re-check your condition in a loop).
//! The tests run n = 15 with the threads started in all 24 orders, other n with all four started
//! at once, and n = 3 under every interleaving with loom (at most 1 forced switch).

#[allow(unused_imports)]
use super::sync::{Condvar, Mutex};

pub struct FizzBuzz {
    n: u32,
    // TODO: the next number to print (in a Mutex), and a Condvar.
}

impl FizzBuzz {
    pub fn new(n: u32) -> Self {
        // TODO: the count starts at 1.
        todo!()
    }

    pub fn fizz(&self, print_fizz: impl FnMut()) {
        // TODO: for each number that is a fizz, in turn: wait for it, print, move on.
        todo!()
    }

    pub fn buzz(&self, print_buzz: impl FnMut()) {
        // TODO
        todo!()
    }

    pub fn fizzbuzz(&self, print_fizzbuzz: impl FnMut()) {
        // TODO
        todo!()
    }

    pub fn number(&self, print_number: impl FnMut(u32)) {
        // TODO
        todo!()
    }
}
