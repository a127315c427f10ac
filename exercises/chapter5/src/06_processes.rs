//! Exercise 5.6: the pipeline on a process pool, every record accounted for.
//! Book: src/ch05/06-processes.md
//!
//! The classic tutorial's `process_parallel` as it is written, with a process pool: `src/pool.rs` provides
//! one (your pool from chapter 4, with chunks of records for tasks). Write
//! `process_in_processes`:
//!
//! - split the records with your `chunk_list` (exercise 5.4) and send the chunks to `pool.map`
//!   (it wants owned chunks: `chunk.to_vec()`);
//! - flatten the outcomes in input order, one result per record: a chunk that failed gives each
//!   of its records `RecordError::ChunkFailed`;
//! - treat the workers' answers as input: a reply that does not hold one processed record per
//!   record sent, with the same ids in the same order, gives `RecordError::BadReply`.
//!
//! The tests run real worker processes, poisoned records make them crash, send garbage, or
//! answer wrongly (a record short, an id changed, the records reversed).

use crate::chunks::{Processed, Record, chunk_list};
use crate::pool::ChunkPool;

pub use crate::provided::processes::RecordError;

/// The classic tutorial's `process_parallel` on worker processes: split into `parts` chunks, process them
/// on the pool, flatten in input order. Every record gets exactly one result; a failed chunk
/// costs its own records, not the run.
pub fn process_in_processes(
    pool: &mut ChunkPool,
    data: &[Record],
    parts: usize,
) -> Vec<Result<Processed, RecordError>> {
    // TODO: chunk_list, pool.map, then one result per record sent, in order.
    todo!()
}
