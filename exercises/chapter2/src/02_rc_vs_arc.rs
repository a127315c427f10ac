//! Exercise 2.2: `Rc` vs `Arc`.
//! Book: src/ch02/02-rc-vs-arc.md
//!
//! Write two functions:
//! - `counts_on_one_thread`: the classic tutorial's `sys.getrefcount` walk-through with an `Rc`: the strong
//!   count of a new value, after one clone, after dropping the clone.
//! - `counts_across_threads`: share one value with `threads` threads, each holding a clone of
//!   its own, and read the count *while all of them hold one*, then after they have finished.
//!   `std::sync::Barrier` makes "while all of them hold one" a moment you can wait for.
//!
//! The test snapshots the counts for 4 threads and checks them for 0, 1 and 7 threads. It
//! cannot see whether the clones really live on the threads
//! (cloning them all on one thread gives the same numbers); moving each clone into its thread
//! is the point. Try `Rc` in `counts_across_threads` first and read the compiler's refusal.
//!
//! `Rc` keeps a plain, non-atomic count, like CPython's `ob_refcnt`, so the compiler refuses to
//! let it cross threads:
//!
//! ```compile_fail,E0277
//! use std::rc::Rc;
//!
//! let shared = Rc::new(vec![1, 2, 3]);
//! let clone = Rc::clone(&shared);
//! // error[E0277]: `Rc<Vec<i32>>` cannot be sent between threads safely
//! std::thread::spawn(move || clone.len()).join().unwrap();
//! ```
//!
//! `Arc` pays for an atomic count and may:
//!
//! ```
//! use std::sync::Arc;
//!
//! let shared = Arc::new(vec![1, 2, 3]);
//! let clone = Arc::clone(&shared);
//! assert_eq!(std::thread::spawn(move || clone.len()).join().unwrap(), 3);
//! ```

use std::rc::Rc;
use std::sync::{Arc, Barrier};
use std::thread;

/// The classic tutorial's `sys.getrefcount` walk-through with an `Rc`: the strong count of a new value,
/// after one clone, and after dropping that clone.
pub fn counts_on_one_thread() -> [usize; 3] {
    // TODO: `Rc::new`, `Rc::clone`, `Rc::strong_count`, `drop`.
    todo!()
}

/// Shares one value with `threads` threads. Returns the strong count while every thread holds
/// its own clone, and the count after all of them have finished.
pub fn counts_across_threads(threads: usize) -> (usize, usize) {
    // TODO: `thread::scope`, one `Arc::clone` moved into each thread, and a `Barrier` that the
    // threads and this one meet at before reading the count (and another before they let go).
    todo!()
}
