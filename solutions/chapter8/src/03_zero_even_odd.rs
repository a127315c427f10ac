//! Exercise 8.3: zero, even, odd.
//! Book: src/ch08/03-zero-even-odd.md

use super::sync::{Condvar, Mutex};

// ANCHOR: solution
/// Three threads print "0102030405..." up to `n`: one prints the zeros, one the odd numbers,
/// one the even numbers.
pub struct ZeroEvenOdd {
    n: u32,
    state: Mutex<Turn>,
    turn_changed: Condvar,
}

/// Who prints next, and which number comes after the next zero.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Turn {
    Zero { next: u32 },
    Number(u32),
}

impl ZeroEvenOdd {
    pub fn new(n: u32) -> Self {
        Self {
            n,
            state: Mutex::new(Turn::Zero { next: 1 }),
            turn_changed: Condvar::new(),
        }
    }

    pub fn zero(&self, mut print: impl FnMut(u32)) {
        for number in 1..=self.n {
            self.wait_for(
                Turn::Zero { next: number },
                || print(0),
                Turn::Number(number),
            );
        }
    }

    pub fn even(&self, print: impl FnMut(u32)) {
        self.print_after_their_zeros((2..=self.n).step_by(2), print);
    }

    pub fn odd(&self, print: impl FnMut(u32)) {
        self.print_after_their_zeros((1..=self.n).step_by(2), print);
    }

    /// Prints each of `numbers` once its zero is out, and hands the turn back to `zero`.
    fn print_after_their_zeros(
        &self,
        numbers: impl Iterator<Item = u32>,
        mut print: impl FnMut(u32),
    ) {
        for number in numbers {
            self.wait_for(
                Turn::Number(number),
                || print(number),
                Turn::Zero { next: number + 1 },
            );
        }
    }

    /// Waits until the state is `mine`, prints, then moves the state to `then` and wakes the
    /// others (all of them: only the one whose turn it is will go ahead).
    fn wait_for(&self, mine: Turn, print: impl FnOnce(), then: Turn) {
        let mut turn = self.state.lock().unwrap();
        while *turn != mine {
            turn = self.turn_changed.wait(turn).unwrap();
        }
        print();
        *turn = then;
        self.turn_changed.notify_all();
    }
}
// ANCHOR_END: solution
