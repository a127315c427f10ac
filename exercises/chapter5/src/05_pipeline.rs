//! Exercise 5.5: the pipeline in parallel, order kept.
//! Book: src/ch05/05-pipeline.md
//!
//! The classic tutorial's `process_parallel` with rayon instead of `multiprocessing.Pool`: split the records
//! with your `chunk_list` (exercise 5.4), process the chunks in parallel with `process_chunk`,
//! and flatten the results **in input order**.
//!
//! The tests compare your output with the sequential one for large, tiny and empty inputs, and
//! count the chunks `process_chunk` saw and how many ran on rayon's threads. They cannot measure
//! the speedup: the example `pipeline` does.

use rayon::prelude::*;

use crate::chunks::{Processed, Record, chunk_list};

pub use crate::provided::pipeline::process_sequential;

/// The classic tutorial's `process_parallel` with rayon instead of a process pool: split into `parts`
/// chunks, process the chunks in parallel, and flatten the results in input order.
pub fn process_parallel(
    data: &[Record],
    parts: usize,
    process_chunk: impl Fn(&[Record]) -> Vec<Processed> + Sync,
) -> Vec<Processed> {
    // TODO: chunk_list(data, parts).par_iter().map(...), then flatten in order.
    todo!()
}
