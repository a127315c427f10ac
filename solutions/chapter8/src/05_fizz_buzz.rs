//! Exercise 8.5: FizzBuzz on four threads.
//! Book: src/ch08/05-fizz-buzz.md

use super::sync::{Condvar, Mutex};

// ANCHOR: solution
/// Four threads print FizzBuzz from 1 to `n`: one prints "fizz", one "buzz", one "fizzbuzz" and
/// one the plain numbers, each only its own kind, all in the right order.
pub struct FizzBuzz {
    n: u32,
    /// The next number to print; `n + 1` once everything is printed.
    next: Mutex<u32>,
    advanced: Condvar,
}

/// What FizzBuzz says for one number.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Word {
    Fizz,
    Buzz,
    FizzBuzz,
    Number,
}

fn word_for(number: u32) -> Word {
    match (number % 3, number % 5) {
        (0, 0) => Word::FizzBuzz,
        (0, _) => Word::Fizz,
        (_, 0) => Word::Buzz,
        _ => Word::Number,
    }
}

impl FizzBuzz {
    pub fn new(n: u32) -> Self {
        Self {
            n,
            next: Mutex::new(1),
            advanced: Condvar::new(),
        }
    }

    pub fn fizz(&self, mut print_fizz: impl FnMut()) {
        self.print_every(Word::Fizz, |_| print_fizz());
    }

    pub fn buzz(&self, mut print_buzz: impl FnMut()) {
        self.print_every(Word::Buzz, |_| print_buzz());
    }

    pub fn fizzbuzz(&self, mut print_fizzbuzz: impl FnMut()) {
        self.print_every(Word::FizzBuzz, |_| print_fizzbuzz());
    }

    pub fn number(&self, print_number: impl FnMut(u32)) {
        self.print_every(Word::Number, print_number);
    }

    /// Prints every number whose word is `mine`, in turn, until all `n` are printed.
    fn print_every(&self, mine: Word, mut print: impl FnMut(u32)) {
        let mut next = self.next.lock().unwrap();
        loop {
            // Every thread must see the end too, or it would wait forever for a turn that
            // never comes.
            while *next <= self.n && word_for(*next) != mine {
                next = self.advanced.wait(next).unwrap();
            }
            if *next > self.n {
                return;
            }
            print(*next);
            *next += 1;
            self.advanced.notify_all();
        }
    }
}
// ANCHOR_END: solution
