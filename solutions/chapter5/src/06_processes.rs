//! Exercise 5.6: the pipeline on a process pool, every record accounted for.
//! Book: src/ch05/06-processes.md

use crate::chunks::{Processed, Record, chunk_list};
use crate::pool::ChunkPool;

pub use crate::provided::processes::RecordError;

// ANCHOR: solution
/// The classic tutorial's `process_parallel` on worker processes: split into `parts` chunks, process them
/// on the pool, flatten in input order. Every record gets exactly one result; a failed chunk
/// costs its own records, not the run.
pub fn process_in_processes(
    pool: &mut ChunkPool,
    data: &[Record],
    parts: usize,
) -> Vec<Result<Processed, RecordError>> {
    let chunks = chunk_list(data, parts);
    // The records must be copied anyway: they travel to another process as JSON.
    let outcomes = pool.map(chunks.iter().map(|chunk| chunk.to_vec()).collect());
    chunks
        .iter()
        .zip(outcomes)
        .enumerate()
        .flat_map(|(index, (sent, outcome))| match outcome {
            // Another process's answer is input: check that it answers what was asked.
            Ok(processed) if answers(sent, &processed) => processed.into_iter().map(Ok).collect(),
            Ok(_) => vec![Err(RecordError::BadReply { chunk: index }); sent.len()],
            Err(error) => vec![
                Err(RecordError::ChunkFailed {
                    chunk: index,
                    error
                });
                sent.len()
            ],
        })
        .collect()
}

/// Whether `processed` holds one result per record of `sent`, in the same order.
fn answers(sent: &[Record], processed: &[Processed]) -> bool {
    sent.len() == processed.len() && sent.iter().zip(processed).all(|(s, p)| s.id == p.id)
}
// ANCHOR_END: solution
