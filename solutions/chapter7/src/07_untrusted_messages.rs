//! Exercise 7.7: trusting messages from another process.
//! Book: src/ch07/07-untrusted-messages.md
//!
//! Find and fix. A worker process sends jobs over a pipe, each a frame: a 4-byte big-endian
//! length, then that many bytes of JSON, `{"id": 7, "numbers": [1, 2, 3]}`. `read_job` reads one
//! frame. It works with a well-behaved worker. A crashed, buggy or hostile peer is another
//! matter.
//!
//! Every bad input must end in a `ReadError`, never a panic, and no input may make the reader
//! read, or allocate room for, more than `MAX_FRAME_BYTES` of body:
//! - a stream that ends early, in the header or the body: `Truncated`;
//! - a declared length over `MAX_FRAME_BYTES`: `TooLarge`, decided from the header alone;
//! - a body that is not a valid `Job` (not UTF-8, not JSON, wrong types, unknown fields, too
//!   deeply nested): `Malformed`;
//! - a job with more than `MAX_NUMBERS` numbers: `TooManyNumbers`.
//!
//! The test feeds a table of bad inputs, then random ones (a property test), and counts the
//! bytes your reader takes from the stream and the bytes it allocates. It cannot prove your
//! reader safe against every input; it makes the common attacks fail.

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
fn read_exactly(reader: &mut impl Read, buf: &mut [u8]) -> Result<(), ReadError> {
    reader.read_exact(buf).map_err(|error| match error.kind() {
        io::ErrorKind::UnexpectedEof => ReadError::Truncated,
        _ => ReadError::Io(error),
    })
}

// ANCHOR: solution
/// Reads one frame and returns its job, or says why the frame is unacceptable.
pub fn read_job(reader: &mut impl Read) -> Result<Job, ReadError> {
    let mut header = [0; 4];
    read_exactly(reader, &mut header)?;
    let declared = u32::from_be_bytes(header);
    // Decide from the header alone: never allocate or read what a peer merely claims.
    if declared as usize > MAX_FRAME_BYTES {
        return Err(ReadError::TooLarge {
            declared: declared.into(),
        });
    }
    let mut body = vec![0; declared as usize];
    read_exactly(reader, &mut body)?;
    // serde_json checks UTF-8, types, unknown fields and nesting depth, and reports an error
    // for each: it never panics on bad input.
    let job: Job =
        serde_json::from_slice(&body).map_err(|error| ReadError::Malformed(error.to_string()))?;
    if job.numbers.len() > MAX_NUMBERS {
        return Err(ReadError::TooManyNumbers {
            count: job.numbers.len(),
        });
    }
    Ok(job)
}
// ANCHOR_END: solution

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
