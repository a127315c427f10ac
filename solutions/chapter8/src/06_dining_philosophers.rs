//! Exercise 8.6: the dining philosophers.
//! Book: src/ch08/06-dining-philosophers.md

use super::sync::Mutex;

// ANCHOR: solution
/// A round table: philosopher `p` eats with fork `p` on the left and fork `(p + 1) % n` on the
/// right. One fork lies between each pair of neighbours.
pub struct DiningTable {
    forks: Vec<Mutex<()>>,
}

impl DiningTable {
    pub fn new(philosophers: usize) -> Self {
        Self {
            forks: (0..philosophers).map(|_| Mutex::new(())).collect(),
        }
    }

    /// Philosopher `philosopher` eats once: picks up both forks, eats, puts them down.
    /// The callbacks report each step; call them while holding the fork they name.
    pub fn wants_to_eat(
        &self,
        philosopher: usize,
        pick_left: impl FnOnce(),
        pick_right: impl FnOnce(),
        eat: impl FnOnce(),
        put_left: impl FnOnce(),
        put_right: impl FnOnce(),
    ) {
        let left = philosopher;
        let right = (philosopher + 1) % self.forks.len();
        // Every philosopher takes the lower-numbered fork first. A cycle of philosophers each
        // holding one fork and waiting for the next would need someone to hold a higher fork
        // while waiting for a lower one: nobody ever does, so no deadlock.
        let (first, second) = (left.min(right), left.max(right));
        let _first = self.forks[first].lock().unwrap();
        let _second = self.forks[second].lock().unwrap();
        pick_left();
        pick_right();
        eat();
        put_left();
        put_right();
        // The guards drop here, in reverse order: both forks go back on the table.
    }
}
// ANCHOR_END: solution
