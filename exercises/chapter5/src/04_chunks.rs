//! Exercise 5.4: chunks that never come out empty.
//! Book: src/ch05/04-chunks.md
//!
//! The classic tutorial's pipeline splits its records with `chunk_size = len(data) // num_processes`. With
//! fewer records than processes that is 0, and `range(0, len, 0)` raises `ValueError`; when the
//! division is not exact, it makes one chunk more than there are processes. Fix it:
//!
//! - `chunk_size`: round up (`usize::div_ceil`), and never return 0 (a `parts` of 0 counts as 1);
//! - `chunk_list`: the records in chunks of that size, in order (`slice::chunks`).
//!
//! The tests try empty, tiny and large inputs and check that the chunks, joined, are the input.

pub use crate::provided::chunks::{Processed, Record, process_chunk, process_record, test_data};

/// How many records go in each chunk when `len` records are split for `parts` workers: enough
/// that `parts` chunks hold them all (round up), and never 0.
pub fn chunk_size(len: usize, parts: usize) -> usize {
    // TODO: round up, and at least 1.
    todo!()
}

/// Splits `data` into at most `parts` chunks of `chunk_size(len, parts)` records (the last may
/// be shorter), in order. No chunk is empty; no input means no chunks.
pub fn chunk_list(data: &[Record], parts: usize) -> Vec<&[Record]> {
    // TODO: data.chunks(...)
    todo!()
}
