//! Exercise 4.1: one worker process, one typed message at a time.
//! Book: src/ch04/01-one-worker.md
//!
//! `multiprocessing` hides a child process, two pipes and pickle behind `pool.map`. Build the
//! first piece yourself: the parent's side of one worker.
//!
//! `Worker` (provided in `provided/one_worker.rs`) holds the `child`, its stdin (`requests`,
//! `None` once closed), its stdout wrapped in a `BufReader` (`replies`) and the `next_id` to
//! send; dropping a `Worker` kills and reaps its process. Write its three methods:
//!
//! - `spawn`: start `program` with `std::process::Command`, its stdin and stdout piped
//!   (`Stdio::piped()`), and keep the two pipe ends (`child.stdin.take()`, `child.stdout.take()`).
//! - `call`: send a `Request { id, task }` with `protocol::send`, read the `Reply` with
//!   `protocol::receive`, and return its answer. Use a new id per call and check that the reply
//!   carries it. Every failure is a `TaskError` for this call, never a panic: a closed pipe or a
//!   failed write means `WorkerExited`; a line that is not a reply means `Garbage`.
//! - `shutdown`: close the worker's stdin (drop it: the worker exits at the end of its input),
//!   then wait for the process and return its exit status.
//!
//! The tests run real worker processes (`src/bin/worker.rs`), including ones that send garbage,
//! reply with another request's id, or exit mid-task or mid-reply. They cannot check that you
//! never block forever on a worker that stays alive but silent: nothing in this protocol can
//! tell "slow" from "stuck" (a real pool would add a timeout per task).

use std::io::{self, BufReader};
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};

use crate::protocol::{self, Answer, ReceiveError, Reply, Request, Task, TaskError};

pub use crate::provided::one_worker::Worker;

impl Worker {
    /// Starts `program` as a child process with its stdin and stdout piped to us.
    pub fn spawn(program: &Path) -> io::Result<Self> {
        // TODO: Command::new(program) with piped stdin and stdout; take both pipe ends.
        todo!()
    }

    /// Sends one task and waits for its answer. Every way the worker can fail becomes an error
    /// for this task; nothing here panics.
    pub fn call(&mut self, task: Task) -> Result<Answer, TaskError> {
        // TODO: protocol::send a Request, protocol::receive::<Reply>, map each failure.
        todo!()
    }

    /// Asks the worker to exit by closing its stdin, then waits for it to do so.
    pub fn shutdown(&mut self) -> io::Result<ExitStatus> {
        // TODO: close stdin first (self.requests.take()), then self.child.wait().
        todo!()
    }
}
