//! Exercise 2.2: `Rc` vs `Arc`.
//! Book: src/ch02/02-rc-vs-arc.md
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

// ANCHOR: solution
/// The classic tutorial's `sys.getrefcount` walk-through with an `Rc`: the strong count of a new value,
/// after one clone, and after dropping that clone.
pub fn counts_on_one_thread() -> [usize; 3] {
    let x = Rc::new(Vec::<u8>::new());
    let created = Rc::strong_count(&x);
    let y = Rc::clone(&x);
    let cloned = Rc::strong_count(&x);
    drop(y);
    [created, cloned, Rc::strong_count(&x)]
}

/// Shares one value with `threads` threads. Returns the strong count while every thread holds
/// its own clone, and the count after all of them have finished.
pub fn counts_across_threads(threads: usize) -> (usize, usize) {
    let shared = Arc::new(Vec::<u8>::new());
    // Two meeting points for the threads and this one: "every clone exists", "you may go".
    let all_cloned = Barrier::new(threads + 1);
    let counted = Barrier::new(threads + 1);
    let while_held = thread::scope(|scope| {
        for _ in 0..threads {
            // Cloned here, moved into the thread: each thread owns one reference.
            let mine = Arc::clone(&shared);
            let (all_cloned, counted) = (&all_cloned, &counted);
            scope.spawn(move || {
                all_cloned.wait();
                counted.wait();
                drop(mine);
            });
        }
        all_cloned.wait();
        let while_held = Arc::strong_count(&shared);
        counted.wait();
        while_held
    });
    // `scope` joined every thread, so every clone has been dropped.
    (while_held, Arc::strong_count(&shared))
}
// ANCHOR_END: solution
