//! Exercise 7.7: trusting messages from another process.
//! Book: src/ch07/07-untrusted-messages.md
//! Starter code: runs, with a mistake to find.
//!
//! Find and fix. A worker process sends jobs over a pipe, each a frame: a 4-byte big-endian
//! length, then that many bytes of JSON, `{"id": 7, "numbers": [1, 2, 3]}` (`Job`, `ReadError`
//! and the limits are provided, in `provided/untrusted_messages.rs`). `read_job` reads one frame.
//! It works with a well-behaved worker. A crashed, buggy or hostile peer is another matter.
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

use std::io::Read;

pub use crate::provided::untrusted_messages::{
    Job, MAX_FRAME_BYTES, MAX_NUMBERS, ReadError, encode_job, read_exactly,
};

/// Reads one frame and returns its job, or says why the frame is unacceptable.
pub fn read_job(reader: &mut impl Read) -> Result<Job, ReadError> {
    let mut header = [0; 4];
    read_exactly(reader, &mut header)?;
    let declared = u32::from_be_bytes(header);
    let mut body = Vec::new();
    reader
        .take(declared.into())
        .read_to_end(&mut body)
        .map_err(ReadError::Io)?;
    if body.len() < declared as usize {
        return Err(ReadError::Truncated);
    }
    let job: Job = serde_json::from_slice(&body).expect("the worker sends valid jobs");
    Ok(job)
}
