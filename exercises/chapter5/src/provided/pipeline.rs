//! Provided for exercise `05_pipeline.rs`: complete, and shared with its solution.

use crate::chunks::{Processed, Record};

/// The classic tutorial's `process_sequential`. Provided, as the baseline and the expected output.
pub fn process_sequential(
    data: &[Record],
    process_chunk: impl Fn(&[Record]) -> Vec<Processed>,
) -> Vec<Processed> {
    process_chunk(data)
}
