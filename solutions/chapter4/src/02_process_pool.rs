//! Exercise 4.2: a pool of worker processes that keeps input order.
//! Book: src/ch04/02-process-pool.md

use std::io;
use std::path::Path;
use std::process::ExitStatus;
use std::sync::Mutex;
use std::thread;

use crate::one_worker::Worker;
use crate::protocol::{Task, TaskError};

pub use crate::provided::process_pool::{Outcome, Pool};

// ANCHOR: solution
impl Pool {
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

    /// Runs every task on the pool's workers at once and returns the outcomes in input order:
    /// `outcomes[i]` belongs to `tasks[i]`, whichever worker ran it and whenever it finished.
    pub fn map(&mut self, tasks: Vec<Task>) -> Vec<Outcome> {
        let count = tasks.len();
        // One shared queue: a worker that finishes early takes the next task, so a slow task
        // never holds up the tasks queued behind it on another worker.
        let queue = Mutex::new(tasks.into_iter().enumerate());
        let program = &self.program;
        let mut outcomes: Vec<Option<Outcome>> = vec![None; count];
        thread::scope(|scope| {
            let feeders: Vec<_> = self
                .workers
                .iter_mut()
                .map(|slot| scope.spawn(|| feed(slot, program, &queue)))
                .collect();
            for feeder in feeders {
                let done = feeder.join().expect("a feeder thread never panics");
                for (index, outcome) in done {
                    outcomes[index] = Some(outcome);
                }
            }
        });
        // A task is left only when every worker died and none could be restarted.
        outcomes
            .into_iter()
            .map(|outcome| {
                outcome.unwrap_or_else(|| Err(TaskError::Spawn("no worker left".to_owned())))
            })
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

/// One thread per worker: take the next task from the queue, run it on this worker, and replace
/// the worker when it dies or talks nonsense (its pipe can no longer be trusted).
fn feed(
    slot: &mut Option<Worker>,
    program: &Path,
    queue: &Mutex<impl Iterator<Item = (usize, Task)>>,
) -> Vec<(usize, Outcome)> {
    let mut done = Vec::new();
    while let Some(worker) = slot.as_mut() {
        // The lock is held only to take a task, never while the task runs.
        let Some((index, task)) = queue.lock().expect("queue lock").next() else {
            break;
        };
        let outcome = worker.call(task);
        if outcome.is_err() {
            // Dropping the old worker kills it; a worker that cannot be restarted leaves the
            // remaining tasks to the other workers.
            *slot = Worker::spawn(program).ok();
        }
        done.push((index, outcome));
    }
    done
}
// ANCHOR_END: solution
