//! Exercise 5.4: chunks that never come out empty.
//! Book: src/ch05/04-chunks.md

pub use crate::provided::chunks::{Processed, Record, process_chunk, process_record, test_data};

// ANCHOR: solution
/// How many records go in each chunk when `len` records are split for `parts` workers: enough
/// that `parts` chunks hold them all (round up), and never 0. The classic tutorial's `len // parts` is 0
/// for fewer records than workers (and `range(0, n, 0)` raises), and makes one chunk too many
/// when the division is not exact.
pub fn chunk_size(len: usize, parts: usize) -> usize {
    len.div_ceil(parts.max(1)).max(1)
}

/// Splits `data` into at most `parts` chunks of `chunk_size(len, parts)` records (the last may
/// be shorter), in order. No chunk is empty; no input means no chunks.
pub fn chunk_list(data: &[Record], parts: usize) -> Vec<&[Record]> {
    data.chunks(chunk_size(data.len(), parts)).collect()
}
// ANCHOR_END: solution
