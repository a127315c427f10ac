//! Exercise 8.8: a thread pool with graceful shutdown.
//! Book: src/ch08/08-thread-pool.md

use std::panic::{self, AssertUnwindSafe};

use super::sync::mpsc::{self, Receiver, Sender};
use super::sync::thread::{self, JoinHandle};
use super::sync::{Arc, Mutex};

/// A unit of work for the pool.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

// ANCHOR: solution
/// A fixed number of worker threads that run submitted jobs in the order they were submitted.
/// Shutting down (or dropping the pool) runs every job already submitted, then joins the workers.
pub struct ThreadPool {
    /// `None` once shutdown has begun: dropping the sender is what tells the workers to stop.
    jobs: Option<Sender<Job>>,
    workers: Vec<JoinHandle<()>>,
}

impl ThreadPool {
    pub fn new(workers: usize) -> Self {
        assert!(workers > 0, "a pool needs at least one worker");
        let (jobs, queue) = mpsc::channel::<Job>();
        // One receiver shared by all workers: whoever is idle takes the next job.
        let queue = Arc::new(Mutex::new(queue));
        let workers = (0..workers)
            .map(|index| {
                let queue = Arc::clone(&queue);
                thread::Builder::new()
                    .name(format!("pool-worker-{index}"))
                    .spawn(move || work(&queue))
                    .expect("the operating system refused to start a worker thread")
            })
            .collect();
        Self {
            jobs: Some(jobs),
            workers,
        }
    }

    /// Queues `job`; an idle worker runs it.
    pub fn execute(&self, job: impl FnOnce() + Send + 'static) {
        if let Some(jobs) = &self.jobs {
            // Sending fails only if every worker has exited, which cannot happen before shutdown.
            jobs.send(Box::new(job))
                .expect("every worker of the pool has stopped");
        }
    }

    /// Runs every job already queued, then stops and joins the workers.
    pub fn shutdown(self) {
        // Everything happens in `Drop`, so that a pool that is simply dropped shuts down
        // gracefully too.
    }
}

impl Drop for ThreadPool {
    fn drop(&mut self) {
        // Closing the channel lets the workers drain the queue; then `recv` fails and they stop.
        drop(self.jobs.take());
        for worker in self.workers.drain(..) {
            // Workers catch job panics, so a join error would be a bug in `work` itself.
            let _ = worker.join();
        }
    }
}

/// A worker's life: take the next job, run it, until the channel is closed and drained.
fn work(queue: &Mutex<Receiver<Job>>) {
    loop {
        // The lock guard is a temporary of this statement: it is released before the job runs,
        // so the other workers can take jobs meanwhile.
        let next = queue.lock().unwrap().recv();
        match next {
            // A panicking job must not take its worker down with it.
            Ok(job) => {
                let _ = panic::catch_unwind(AssertUnwindSafe(job));
            }
            Err(_closed) => return,
        }
    }
}
// ANCHOR_END: solution
