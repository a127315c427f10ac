//! Exercise 5.5: the pipeline in parallel, order kept.
//! Book: src/ch05/05-pipeline.md

use rayon::prelude::*;

use crate::chunks::{Processed, Record, chunk_list};

pub use crate::provided::pipeline::process_sequential;

// ANCHOR: solution
/// The classic tutorial's `process_parallel` with rayon instead of a process pool: split into `parts`
/// chunks, process the chunks in parallel, and flatten the results in input order.
pub fn process_parallel(
    data: &[Record],
    parts: usize,
    process_chunk: impl Fn(&[Record]) -> Vec<Processed> + Sync,
) -> Vec<Processed> {
    chunk_list(data, parts)
        .par_iter()
        .map(|chunk| process_chunk(chunk))
        // `collect` into a Vec of Vecs keeps the chunks' order; flattening afterwards is cheap
        // beside the processing, and needs no locking.
        .collect::<Vec<Vec<Processed>>>()
        .into_iter()
        .flatten()
        .collect()
}
// ANCHOR_END: solution
