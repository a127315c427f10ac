//! The messages between the pool (the parent) and a worker (the child process), and how they
//! travel: one JSON object per line, over the child's stdin and stdout.
//! Book: src/ch04/01-one-worker.md
//!
//! Provided code, complete: exercises 4.1 and 4.2 use it from the parent's side, and the worker
//! program (`src/bin/worker.rs`) from the child's side.
//!
//! Why JSON and not a Rust equivalent of pickle: a message from another process is input, and
//! input gets parsed, not executed. Decoding a `Reply` can only produce a `Reply` or an error.
//! Python's `multiprocessing` pickles, and unpickling can run code (see the warning on
//! `Connection.recv()` in the multiprocessing docs).

use std::fmt;

use serde::{Deserialize, Serialize};

/// How messages travel: one JSON object per line (`send` writes one, `receive` reads one).
pub use crate::provided::json_lines::{
    MAX_LINE, ReceiveError, receive, receive_until_closed, send,
};

// ANCHOR: messages
/// Work for a worker. The last five variants exist to test the pool against misbehaving workers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Task {
    /// The classic tutorial's `cpu_intensive(n)`: the sum of `i * i` for `i` in `0..n` (wrapping).
    SumOfSquares(u64),
    /// Send the text back unchanged: the pure cost of moving data between processes.
    Echo(String),
    /// Connect to `127.0.0.1:port`, say which task this is, and wait for one byte before
    /// replying. The tests use it to count how many workers are busy at the same time.
    CheckIn { port: u16, task: u32 },
    /// Answer with a line that is not a reply at all.
    ReplyGarbage,
    /// Exit in the middle of the task, without a reply (as a crash or `os._exit` would).
    ExitMidTask,
    /// Answer with a well-formed reply that carries another request's id.
    ReplyToAnotherId,
    /// Write the first half of a reply, then exit: a crash in the middle of the answer.
    ExitMidReply,
}

/// A worker's answer to one task.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    Sum(u64),
    Echo(String),
    CheckedIn,
}

/// The parent's message: a task, with an id that the reply must carry back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    pub id: u64,
    pub task: Task,
}

/// The worker's message: the id of the request it answers, and the answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub id: u64,
    pub answer: Answer,
}
// ANCHOR_END: messages

/// What happened to one task of a pool, when it produced no answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TaskError {
    /// The worker program could not be started.
    Spawn(String),
    /// The worker exited, or closed its output, before it answered.
    WorkerExited,
    /// The worker answered with something that is not a reply to this request.
    Garbage(String),
}

impl fmt::Display for TaskError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Spawn(why) => write!(f, "could not start a worker: {why}"),
            Self::WorkerExited => write!(f, "the worker exited before it answered"),
            Self::Garbage(what) => write!(f, "the worker sent garbage: {what}"),
        }
    }
}
