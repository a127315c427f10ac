//! How the messages of a pool and its workers travel: one JSON object per line, flushed. Provided,
//! complete; chapter 4's `protocol` re-exports it, and chapter 5's pool of processes uses it too.
//! Book: src/ch04/01-one-worker.md

use std::fmt;
use std::io::{self, BufRead, Read, Write};

use serde::Serialize;
use serde::de::DeserializeOwned;

/// The longest line the parent accepts from a worker, so a runaway worker cannot make it buffer
/// without end.
pub const MAX_LINE: usize = 64 * 1024 * 1024;

/// Writes one message as a line of JSON and flushes it: a message that sits in a buffer is a
/// message the other side waits for forever.
pub fn send<M: Serialize>(to: &mut impl Write, message: &M) -> io::Result<()> {
    let mut line = serde_json::to_vec(message).map_err(io::Error::other)?;
    line.push(b'\n');
    to.write_all(&line)?;
    to.flush()
}

/// Why [`receive`] returned no message.
#[derive(Debug)]
pub enum ReceiveError {
    /// The other side closed its end: it exited, crashed, or is done.
    Closed,
    /// A line arrived that is not a message of this protocol.
    Garbage(String),
    /// The pipe itself failed.
    Io(io::Error),
}

impl fmt::Display for ReceiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Closed => write!(f, "the other side closed the pipe"),
            Self::Garbage(line) => write!(f, "not a message of the protocol: {line}"),
            Self::Io(error) => write!(f, "the pipe failed: {error}"),
        }
    }
}

/// Reads one line and decodes it as a message of type `M`.
pub fn receive<M: DeserializeOwned>(from: &mut impl BufRead) -> Result<M, ReceiveError> {
    let mut line = Vec::new();
    let read = Read::take(&mut *from, MAX_LINE as u64)
        .read_until(b'\n', &mut line)
        .map_err(ReceiveError::Io)?;
    if read == 0 {
        return Err(ReceiveError::Closed);
    }
    if line.last() != Some(&b'\n') {
        // A worker that dies mid-line leaves half a message: as good as no message.
        return Err(ReceiveError::Closed);
    }
    serde_json::from_slice(&line).map_err(|_| ReceiveError::Garbage(shorten(&line)))
}

/// The worker's side of [`receive`]: the next message, or `None` once the parent has closed the
/// pipe, which is how it tells a worker to exit. Anything else is an error that ends the worker.
pub fn receive_until_closed<M: DeserializeOwned>(from: &mut impl BufRead) -> io::Result<Option<M>> {
    match receive(from) {
        Ok(message) => Ok(Some(message)),
        Err(ReceiveError::Closed) => Ok(None),
        Err(error) => Err(io::Error::other(error.to_string())),
    }
}

/// The start of a line, for an error message.
fn shorten(line: &[u8]) -> String {
    let text = String::from_utf8_lossy(line);
    let text = text.trim_end();
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text.to_owned(),
    }
}
