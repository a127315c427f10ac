//! Provided for exercise `04_chunks.rs`: complete, and shared with its solution.

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
