//! Provided for exercise 4.1: the worker handle, whose methods (`spawn`, `call`, `shutdown`) you
//! write in `01_one_worker.rs`, and what happens to a worker nobody shut down. Complete, and
//! shared with the solution; chapter 5's pool of processes (exercise 5.6) is built on it too.

use std::io::BufReader;
use std::process::{Child, ChildStdin, ChildStdout};

/// A running worker process and the two pipes that connect us to it.
#[derive(Debug)]
pub struct Worker {
    pub(crate) child: Child,
    /// The worker's stdin. `None` once we have closed it to ask the worker to exit.
    pub(crate) requests: Option<ChildStdin>,
    /// The worker's stdout, buffered so that we can read it line by line.
    pub(crate) replies: BufReader<ChildStdout>,
    /// The id of the next request; a reply must carry the id of the request it answers.
    pub(crate) next_id: u64,
}

impl Drop for Worker {
    /// A worker nobody shut down (say, one that sent garbage and cannot be trusted) is killed
    /// and reaped, so that no process outlives its pool.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}
