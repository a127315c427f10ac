//! A process pool for the pipeline's chunks: chapter 4's pool (exercises 4.1 and 4.2), with
//! chunks of records for tasks. Provided, complete; exercise 5.6 uses it. Its worker handle and
//! its framing (one JSON object per line) are chapter 4's provided ones, `provided/one_worker.rs`
//! and `provided/json_lines.rs` there.
//! Book: src/ch05/06-processes.md
//!
//! The parent sends `{"id": .., "chunk": [records]}` on a worker's stdin, one JSON line per
//! request; the worker (`src/bin/worker.rs`) answers `{"id": .., "processed": [records]}` on its
//! stdout. A few categories make the worker misbehave, so that the tests can play a worker that
//! crashes on bad data or cannot be trusted: `"exit"` (exits mid-task), `"half"` (exits in the
//! middle of its reply), `"garbage"` (answers with a line that is not a reply), `"short"` (one
//! processed record too few), `"renumber"` (a processed record with another id) and `"reverse"`
//! (the processed records in reverse order).

use std::fmt;
use std::io::{self, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::Mutex;
use std::thread;

use serde::{Deserialize, Serialize};

use crate::chunks::{Processed, Record, process_chunk};
use crate::provided::json_lines::{ReceiveError, receive, receive_until_closed, send};
use crate::provided::one_worker::Worker;

#[derive(Debug, Serialize, Deserialize)]
struct Request {
    id: u64,
    chunk: Vec<Record>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Reply {
    id: u64,
    processed: Vec<Processed>,
}

/// Why a chunk came back without results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChunkError {
    /// The worker exited, or closed its output, before it answered.
    WorkerExited,
    /// The worker answered with something that is not a reply to this request.
    Garbage,
    /// No worker could be started to run the chunk.
    NoWorker,
}

impl fmt::Display for ChunkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::WorkerExited => write!(f, "the worker exited before it answered"),
            Self::Garbage => write!(f, "the worker sent garbage"),
            Self::NoWorker => write!(f, "no worker could be started"),
        }
    }
}

/// The worker's side: serve requests from stdin until it closes.
pub fn serve() -> io::Result<()> {
    let mut requests = BufReader::new(io::stdin().lock());
    let mut replies = io::stdout().lock();
    while let Some(request) = receive_until_closed::<Request>(&mut requests)? {
        let poisoned = |category: &str| {
            request
                .chunk
                .iter()
                .any(|r| r.category.as_deref() == Some(category))
        };
        if poisoned("exit") {
            std::process::exit(3);
        }
        let mut processed = process_chunk(&request.chunk);
        if poisoned("short") {
            processed.pop();
        }
        if poisoned("renumber")
            && let Some(first) = processed.first_mut()
        {
            first.id += 1;
        }
        if poisoned("reverse") {
            processed.reverse();
        }
        let reply = Reply {
            id: request.id,
            processed,
        };
        let mut out = serde_json::to_vec(&reply).map_err(io::Error::other)?;
        out.push(b'\n');
        if poisoned("garbage") {
            out = b"Traceback (most recent call last): oops\n".to_vec();
        }
        if poisoned("half") {
            replies.write_all(&out[..out.len() / 2])?;
            replies.flush()?;
            std::process::exit(3);
        }
        replies.write_all(&out)?;
        replies.flush()?;
    }
    Ok(())
}

// The worker handle of chapter 4 (exercise 4.1), with methods of this pool's own: the messages
// here carry chunks of records, not chapter 4's tasks.
impl Worker {
    fn spawn(program: &Path) -> io::Result<Self> {
        let mut child = Command::new(program)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()?;
        let requests = child.stdin.take();
        let replies = BufReader::new(child.stdout.take().expect("stdout was piped"));
        Ok(Self {
            child,
            requests,
            replies,
            next_id: 0,
        })
    }

    fn call(&mut self, chunk: Vec<Record>) -> ChunkOutcome {
        let id = self.next_id;
        self.next_id += 1;
        let requests = self.requests.as_mut().ok_or(ChunkError::WorkerExited)?;
        send(requests, &Request { id, chunk }).map_err(|_| ChunkError::WorkerExited)?;
        match receive::<Reply>(&mut self.replies) {
            Ok(reply) if reply.id == id => Ok(reply.processed),
            Ok(_) | Err(ReceiveError::Garbage(_)) => Err(ChunkError::Garbage),
            // Nothing, or half a line from a worker that died while writing it.
            Err(ReceiveError::Closed | ReceiveError::Io(_)) => Err(ChunkError::WorkerExited),
        }
    }

    fn shutdown(&mut self) -> io::Result<ExitStatus> {
        drop(self.requests.take());
        self.child.wait()
    }
}

/// A fixed number of worker processes that process chunks of records.
pub struct ChunkPool {
    program: PathBuf,
    workers: Vec<Option<Worker>>,
}

/// What became of one chunk.
pub type ChunkOutcome = Result<Vec<Processed>, ChunkError>;

impl ChunkPool {
    /// Starts `size` workers (at least one) running `program`.
    pub fn new(program: &Path, size: usize) -> io::Result<Self> {
        let workers = (0..size.max(1))
            .map(|_| Worker::spawn(program).map(Some))
            .collect::<io::Result<_>>()?;
        Ok(Self {
            program: program.to_owned(),
            workers,
        })
    }

    /// Processes the chunks on all workers at once: one outcome per chunk, in input order. A
    /// worker that fails a chunk is replaced for the chunks after it.
    pub fn map(&mut self, chunks: Vec<Vec<Record>>) -> Vec<ChunkOutcome> {
        let mut outcomes: Vec<Option<ChunkOutcome>> = vec![None; chunks.len()];
        let queue = Mutex::new(chunks.into_iter().enumerate());
        let program = &self.program;
        thread::scope(|scope| {
            let feeders: Vec<_> = self
                .workers
                .iter_mut()
                .map(|slot| {
                    scope.spawn(|| {
                        let mut done = Vec::new();
                        while let Some(worker) = slot.as_mut() {
                            let Some((index, chunk)) = queue.lock().expect("queue").next() else {
                                break;
                            };
                            let outcome = worker.call(chunk);
                            if outcome.is_err() {
                                *slot = Worker::spawn(program).ok();
                            }
                            done.push((index, outcome));
                        }
                        done
                    })
                })
                .collect();
            for feeder in feeders {
                for (index, outcome) in feeder.join().expect("a feeder never panics") {
                    outcomes[index] = Some(outcome);
                }
            }
        });
        outcomes
            .into_iter()
            .map(|outcome| outcome.unwrap_or(Err(ChunkError::NoWorker)))
            .collect()
    }

    /// Shuts every worker down and returns how each exited.
    pub fn shutdown(mut self) -> io::Result<Vec<ExitStatus>> {
        self.workers
            .iter_mut()
            .flatten()
            .map(Worker::shutdown)
            .collect()
    }
}
