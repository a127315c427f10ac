//! Provided for exercise `06_processes.rs`: complete, and shared with its solution.

use std::fmt;

use crate::pool::ChunkError;

/// Why one record has no result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// The chunk that held the record failed as a whole (its worker crashed, say).
    ChunkFailed { chunk: usize, error: ChunkError },
    /// The worker answered, but not with one processed record per record sent, in order.
    BadReply { chunk: usize },
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ChunkFailed { chunk, error } => write!(f, "chunk {chunk} failed: {error}"),
            Self::BadReply { chunk } => write!(f, "chunk {chunk}: the reply does not match"),
        }
    }
}
