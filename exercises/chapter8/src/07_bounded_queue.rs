//! Exercise 8.7: a bounded blocking queue.
//! Book: src/ch08/07-bounded-queue.md
//!
//! A first-in first-out queue of at most `capacity` items, shared by producer and consumer
//! threads:
//! - `push` adds at the back, and waits while the queue is full: that is backpressure, a fast
//!   producer is slowed down to the pace of its consumers instead of filling memory;
//! - `pop` takes from the front, and waits while the queue is empty;
//! - `len` says how many items wait right now.
//!
//! Use `super::sync::{Mutex, Condvar}` (provided, in `provided/sync.rs`: its `wait` may return
//! without a notification, as std's may, so re-check your condition in a loop).
//! The tests watch a producer stop at a full queue and a
//! consumer wait at an empty one, and run several producers and consumers in two start orders
//! and all at once: every item must arrive exactly once, in its producer's order, and the queue
//! must never hold more than `capacity`. Two producers and two consumers of a queue of capacity 1
//! are checked under every interleaving with loom (at most 1 forced switch).

use std::collections::VecDeque;

#[allow(unused_imports)]
use super::sync::{Condvar, Mutex};

pub struct BoundedQueue<T> {
    capacity: usize,
    items: Mutex<VecDeque<T>>,
    // TODO: what a waiting producer and a waiting consumer wait on.
}

impl<T> BoundedQueue<T> {
    pub fn new(capacity: usize) -> Self {
        // TODO: an empty queue.
        todo!()
    }

    /// Adds `item` at the back, waiting while the queue is full.
    pub fn push(&self, item: T) {
        // TODO
        todo!()
    }

    /// Takes the item at the front, waiting while the queue is empty.
    pub fn pop(&self) -> T {
        // TODO
        todo!()
    }

    /// How many items are waiting right now.
    pub fn len(&self) -> usize {
        self.items.lock().unwrap().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
