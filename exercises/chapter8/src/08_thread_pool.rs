//! Exercise 8.8: a thread pool with graceful shutdown.
//! Book: src/ch08/08-thread-pool.md
//!
//! A fixed number of worker threads run the jobs handed to `execute`. Shutting down, by
//! `shutdown` or simply by dropping the pool, is graceful: every job already submitted runs,
//! then the workers stop and are joined, and only then does `shutdown` (or `drop`) return.
//! A job that panics must not take its worker down with it.
//!
//! The tests check that the pool runs as many jobs at once as it has workers (the first jobs
//! wait for each other), that every job runs exactly once on no more threads than asked for,
//! that no job is lost, none still runs and no worker is still alive when shutdown returns, and
//! that a panicking job does not stop the others. Loom runs a pool of 2 workers with 2 jobs under
//! every interleaving. They cannot check that idle workers sleep instead of spinning.
//!
//! Take `Arc`, `Mutex`, `mpsc` and `thread` from `super::sync` (provided, in `provided/sync.rs`):
//! std's types, which the library compiles a second time against loom's.

#[allow(unused_imports)]
use super::sync::mpsc::{self, Receiver, Sender};
use super::sync::thread::JoinHandle;
#[allow(unused_imports)]
use super::sync::{Arc, Mutex};

/// A unit of work for the pool.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

pub struct ThreadPool {
    workers: Vec<JoinHandle<()>>,
    // TODO: how jobs reach the workers, e.g. the sending end of a channel.
}

impl ThreadPool {
    pub fn new(workers: usize) -> Self {
        // TODO: start `workers` threads that take jobs and run them until told to stop.
        todo!()
    }

    /// Queues `job`; an idle worker runs it.
    pub fn execute(&self, job: impl FnOnce() + Send + 'static) {
        // TODO
        todo!()
    }

    /// Runs every job already queued, then stops and joins the workers.
    pub fn shutdown(self) {
        // TODO: tip: put the shutdown in `Drop`, so that dropping the pool is graceful too.
        todo!()
    }
}
