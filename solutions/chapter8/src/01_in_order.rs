//! Exercise 8.1: print in order.
//! Book: src/ch08/01-in-order.md

use super::sync::{Condvar, Mutex};

// ANCHOR: solution
/// Lets three threads run `first`, `second` and `third` in that order, whatever order they
/// arrive in.
pub struct InOrder {
    /// How many of the three steps have run: 0, 1, 2 or 3.
    steps_done: Mutex<u8>,
    step_finished: Condvar,
}

impl InOrder {
    pub fn new() -> Self {
        Self {
            steps_done: Mutex::new(0),
            step_finished: Condvar::new(),
        }
    }

    pub fn first(&self, print_first: impl FnOnce()) {
        self.run_as_step(0, print_first);
    }

    pub fn second(&self, print_second: impl FnOnce()) {
        self.run_as_step(1, print_second);
    }

    pub fn third(&self, print_third: impl FnOnce()) {
        self.run_as_step(2, print_third);
    }

    /// Waits until exactly `step` steps have run, runs this one, and wakes the others.
    fn run_as_step(&self, step: u8, print: impl FnOnce()) {
        let mut steps_done = self.steps_done.lock().unwrap();
        // A loop, not an `if`: a condition variable may wake a thread spuriously, and
        // `notify_all` wakes the thread whose turn has not come yet too.
        while *steps_done != step {
            steps_done = self.step_finished.wait(steps_done).unwrap();
        }
        print();
        *steps_done += 1;
        self.step_finished.notify_all();
    }
}
// ANCHOR_END: solution

impl Default for InOrder {
    fn default() -> Self {
        Self::new()
    }
}
