//! Exercise 7.2: tasks too small for their overhead.
//! Book: src/ch07/02-tiny-tasks.md
//!
//! Find and fix. `plan_chunks` cuts `len` items into chunks, one task per chunk, for `workers`
//! workers. Starting a task costs something (a thread start, a message to a process): a task
//! smaller than that cost loses time instead of saving it. This chapter's `crossover` example
//! measures where that happens; `min_chunk` is the smallest task worth starting.
//!
//! The rule to implement:
//! - aim for `4 * workers` chunks (a little slack to balance uneven work): a chunk size of
//!   `len / (4 * workers)`, rounded up;
//! - but never below `min_chunk`;
//! - cut chunks of that size from the start; a last chunk shorter than `min_chunk` joins the
//!   chunk before it (when there is one).
//!
//! The test checks that the chunks cover every item once, in order, that none is smaller than
//! `min_chunk` unless there is only one, and that the plans of a grid of other sizes follow the
//! rule. It cannot measure your chunks' speed: run the example for that.

use std::ops::Range;

// ANCHOR: solution
/// Cuts `0..len` into chunks for `workers` workers, none smaller than `min_chunk` (unless the
/// whole input is).
pub fn plan_chunks(len: usize, workers: usize, min_chunk: usize) -> Vec<Range<usize>> {
    let target = len.div_ceil(4 * workers.max(1));
    let size = target.max(min_chunk).max(1);
    let mut chunks: Vec<Range<usize>> = (0..len)
        .step_by(size)
        .map(|start| start..(start + size).min(len))
        .collect();
    // A short tail would be a task too small to pay for itself: fold it into its neighbour.
    if chunks.len() > 1 && chunks.last().is_some_and(|tail| tail.len() < min_chunk) {
        let tail = chunks.pop().unwrap_or_default();
        if let Some(previous) = chunks.last_mut() {
            previous.end = tail.end;
        }
    }
    chunks
}
// ANCHOR_END: solution
