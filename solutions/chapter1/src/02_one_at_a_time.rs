//! Exercise 1.2: bytecode, one thread at a time.
//! Book: src/ch01/02-one-at-a-time.md

use std::thread;

use crate::global_lock::Gil;

// ANCHOR: solution
/// Starts `threads` threads that each run `steps` bytecode steps, calling
/// `step(thread_index, step_index)` for every one of them while holding `gil`.
/// Returns when every thread has finished.
pub fn run_with_gil(gil: &Gil, threads: usize, steps: usize, step: impl Fn(usize, usize) + Sync) {
    thread::scope(|scope| {
        for thread_index in 0..threads {
            let step = &step;
            scope.spawn(move || {
                for step_index in 0..steps {
                    // The guard lives until the end of this iteration: one step, then the GIL is
                    // free again and any thread (this one included) may take it next.
                    let _gil = gil.acquire();
                    step(thread_index, step_index);
                }
            });
        }
    });
}

/// The same threads and steps with no lock at all, as in a free-threaded interpreter.
pub fn run_free_threaded(threads: usize, steps: usize, step: impl Fn(usize, usize) + Sync) {
    thread::scope(|scope| {
        for thread_index in 0..threads {
            let step = &step;
            scope.spawn(move || {
                for step_index in 0..steps {
                    step(thread_index, step_index);
                }
            });
        }
    });
}
// ANCHOR_END: solution
