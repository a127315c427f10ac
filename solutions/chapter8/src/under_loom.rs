//! Provided: drills 8.1 to 8.8 compiled a second time, against loom's types, so that the tests
//! can run loom's model checker over every interleaving of a small run. Each drill file
//! says `use super::sync::...`: in the crate that is `crate::sync`, here it is loom's version.

// Compiling each file twice, against two sets of types, is the point.
#![allow(clippy::duplicate_mod)]

pub mod sync {
    pub use crate::sync::loom::{Arc, Condvar, Mutex, MutexGuard, mpsc, thread};
}

#[path = "07_bounded_queue.rs"]
pub mod bounded_queue;
#[path = "06_dining_philosophers.rs"]
pub mod dining_philosophers;
#[path = "05_fizz_buzz.rs"]
pub mod fizz_buzz;
#[path = "02_foo_bar.rs"]
pub mod foo_bar;
#[path = "04_h2o.rs"]
pub mod h2o;
#[path = "01_in_order.rs"]
pub mod in_order;
#[path = "08_thread_pool.rs"]
pub mod thread_pool;
#[path = "03_zero_even_odd.rs"]
pub mod zero_even_odd;
