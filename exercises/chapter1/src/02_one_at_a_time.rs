//! Exercise 1.2: bytecode, one thread at a time.
//! Book: src/ch01/02-one-at-a-time.md
//!
//! An interpreter thread executes bytecode step after step, and under a GIL each step happens
//! while holding it. Write both halves of the comparison:
//!
//! - `run_with_gil` starts `threads` real threads; each runs `steps` steps, calling
//!   `step(thread_index, step_index)` while holding the GIL from exercise 1.1.
//! - `run_free_threaded` does the same with no lock at all.
//!
//! Both return only when every thread has finished (`std::thread::scope` does that for you).
//! The test counts, with atomics, how many threads are inside `step` at once: never more than
//! one under the GIL, and all of them at some point without it. Under the GIL it also checks,
//! inside every step, that the GIL is held and that the thread released it since its previous
//! step: take it per step, not once around a thread's whole loop. It cannot check in which
//! order the threads take turns: no GIL promises one.

use crate::global_lock::Gil;

/// Runs `threads` threads of `steps` steps each, holding `gil` during every step.
pub fn run_with_gil(gil: &Gil, threads: usize, steps: usize, step: impl Fn(usize, usize) + Sync) {
    // TODO: spawn the threads in a scope; in each, call `step` once per step, under the GIL.
    todo!()
}

/// The same threads and steps with no lock at all, as in a free-threaded interpreter.
pub fn run_free_threaded(threads: usize, steps: usize, step: impl Fn(usize, usize) + Sync) {
    // TODO: the same threads, no GIL. Start them all before waiting for any.
    todo!()
}
