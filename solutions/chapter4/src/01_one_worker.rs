//! Exercise 4.1: one worker process, one typed message at a time.
//! Book: src/ch04/01-one-worker.md

use std::io::{self, BufReader};
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};

use crate::protocol::{self, Answer, ReceiveError, Reply, Request, Task, TaskError};

pub use crate::provided::one_worker::Worker;

// ANCHOR: solution
impl Worker {
    /// Starts `program` as a child process with its stdin and stdout piped to us.
    pub fn spawn(program: &Path) -> io::Result<Self> {
        let mut child = Command::new(program)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()?;
        let requests = child.stdin.take().expect("stdin was piped");
        let replies = BufReader::new(child.stdout.take().expect("stdout was piped"));
        Ok(Self {
            child,
            requests: Some(requests),
            replies,
            next_id: 0,
        })
    }

    /// Sends one task and waits for its answer. Every way the worker can fail becomes an error
    /// for this task; nothing here panics.
    pub fn call(&mut self, task: Task) -> Result<Answer, TaskError> {
        let id = self.next_id;
        self.next_id += 1;
        let requests = self.requests.as_mut().ok_or(TaskError::WorkerExited)?;
        // Writing to a worker that has died fails with a broken pipe: the same outcome as a
        // worker that dies while it works.
        protocol::send(requests, &Request { id, task }).map_err(|_| TaskError::WorkerExited)?;
        match protocol::receive::<Reply>(&mut self.replies) {
            Ok(reply) if reply.id == id => Ok(reply.answer),
            Ok(reply) => Err(TaskError::Garbage(format!(
                "a reply to request {} while waiting for {id}",
                reply.id
            ))),
            Err(ReceiveError::Garbage(line)) => Err(TaskError::Garbage(line)),
            Err(ReceiveError::Closed | ReceiveError::Io(_)) => Err(TaskError::WorkerExited),
        }
    }

    /// Asks the worker to exit by closing its stdin, then waits for it to do so.
    pub fn shutdown(&mut self) -> io::Result<ExitStatus> {
        // Dropping our end of the pipe is the worker's end of input. Waiting *before* closing
        // would wait forever: the worker is waiting for us.
        drop(self.requests.take());
        self.child.wait()
    }
}
// ANCHOR_END: solution
