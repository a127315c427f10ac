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

use serde::{Deserialize, Serialize};

/// One input record: the classic tutorial's dictionary, with its optional fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub id: u64,
    pub value: Option<u64>,
    pub category: Option<String>,
    pub description: Option<String>,
}

/// One output record: the classic tutorial's `processed` dictionary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Processed {
    pub id: u64,
    /// `sum(i ** 2 for i in range(value))`.
    pub value: u64,
    /// The category in upper case.
    pub category: String,
    /// A tenth of the description's length in characters.
    pub score: f64,
}

/// The classic tutorial's per-record work (`DataProcessor.process_chunk`, for one item). Provided.
pub fn process_record(record: &Record) -> Processed {
    let value = record.value.unwrap_or(0);
    Processed {
        id: record.id,
        // `black_box` keeps the optimiser from replacing the loop with a closed formula: the
        // loop is the CPU work the pipeline exists to spread over cores.
        value: (0..value).map(|i| std::hint::black_box(i) * i).sum(),
        category: record.category.as_deref().unwrap_or("").to_uppercase(),
        // Python's len() counts characters, not bytes.
        score: record.description.as_deref().unwrap_or("").chars().count() as f64 * 0.1,
    }
}

/// The classic tutorial's `process_chunk`: every record of a chunk, in order. Provided.
pub fn process_chunk(chunk: &[Record]) -> Vec<Processed> {
    chunk.iter().map(process_record).collect()
}

/// The classic tutorial's test data: `count` records with values, categories and descriptions that repeat.
pub fn test_data(count: u64) -> Vec<Record> {
    (0..count)
        .map(|i| Record {
            id: i,
            value: Some(i % 1000),
            category: Some(format!("cat_{}", i % 10)),
            description: Some("x".repeat((i % 100) as usize)),
        })
        .collect()
}

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
