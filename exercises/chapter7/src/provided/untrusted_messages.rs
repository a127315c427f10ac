//! Provided for exercise 7.7: the job a worker sends, how it is framed, and why a frame can be
//! refused. You do not need to change anything here.

use std::fmt;
use std::io::{self, Read};

use serde::{Deserialize, Serialize};

/// The largest body a frame may declare.
pub const MAX_FRAME_BYTES: usize = 64 * 1024;
/// The most numbers one job may carry.
pub const MAX_NUMBERS: usize = 1000;

/// One job, as the worker sends it. Unknown fields are an error, not something to ignore.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Job {
    pub id: u64,
    pub numbers: Vec<i64>,
}

/// Why a frame was rejected.
#[derive(Debug)]
pub enum ReadError {
    /// The stream ended before the frame did.
    Truncated,
    /// The header declared a body larger than the limit.
    TooLarge { declared: u64 },
    /// The body is not a valid `Job`; the text says why.
    Malformed(String),
    /// The job is valid JSON but carries more than `MAX_NUMBERS` numbers.
    TooManyNumbers { count: usize },
    /// The stream failed for another reason.
    Io(io::Error),
}

/// Encodes a job as one frame: what a well-behaved worker sends.
pub fn encode_job(job: &Job) -> Vec<u8> {
    let body = serde_json::to_vec(job).expect("a Job always serializes");
    let mut frame = (body.len() as u32).to_be_bytes().to_vec();
    frame.extend(body);
    frame
}

/// Reads exactly `buf.len()` bytes, telling a stream that ended early from other failures.
pub fn read_exactly(reader: &mut impl Read, buf: &mut [u8]) -> Result<(), ReadError> {
    reader.read_exact(buf).map_err(|error| match error.kind() {
        io::ErrorKind::UnexpectedEof => ReadError::Truncated,
        _ => ReadError::Io(error),
    })
}

impl ReadError {
    /// The kind of error, as the test's table shows it.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Truncated => "truncated",
            Self::TooLarge { .. } => "too large",
            Self::Malformed(_) => "malformed",
            Self::TooManyNumbers { .. } => "too many numbers",
            Self::Io(_) => "i/o error",
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Truncated => write!(f, "the stream ended inside a frame"),
            Self::TooLarge { declared } => {
                write!(f, "a frame of {declared} bytes (limit {MAX_FRAME_BYTES})")
            }
            Self::Malformed(why) => write!(f, "not a valid job: {why}"),
            Self::TooManyNumbers { count } => {
                write!(f, "{count} numbers in one job (limit {MAX_NUMBERS})")
            }
            Self::Io(error) => write!(f, "reading failed: {error}"),
        }
    }
}

impl std::error::Error for ReadError {}
