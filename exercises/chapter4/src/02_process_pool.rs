//! Exercise 4.2: a pool of worker processes that keeps input order.
//! Book: src/ch04/02-process-pool.md
//!
//! `multiprocessing.Pool(processes=size).map(f, items)` with your `Worker` from exercise 4.1.
//! `Pool` (provided in `provided/process_pool.rs`) holds the worker `program` and one slot per
//! worker, `workers: Vec<Option<Worker>>` (`None` when a worker died and could not be
//! replaced). Write its methods:
//!
//! - `new`: start `size` workers (at least one).
//! - `map`: run the tasks on all workers at once and return one outcome per task, in input
//!   order. A worker that fails a task (it exited, or sent garbage) costs that task alone:
//!   replace it with a fresh worker and go on. If no worker can be started at all, the tasks
//!   left over get `TaskError::Spawn`. Never panic, never lose or repeat a task.
//! - `shutdown`: shut every worker down and return their exit statuses.
//!
//! One way: a thread per worker (`std::thread::scope`), all taking `(index, task)` pairs from one
//! shared queue (a `Mutex` around an iterator), each returning the `(index, outcome)` pairs it
//! produced; put them in place by index at the end. Take each task in a `let ... else` of its
//! own: in `while let Some(..) = queue.lock().unwrap().next()` the lock guard lives until the end
//! of the loop body, and the workers would run one at a time.
//!
//! The tests check order, errors per task, that the pool survives bad workers and shuts down
//! cleanly, and (with workers that check in over a loopback socket) that two workers really run
//! at the same time. They cannot check that the pool is *fast*: that is the example
//! `cargo run --release -p chapter4-solution --example pool_costs`.

use std::io;
use std::path::Path;
use std::process::ExitStatus;
use std::sync::Mutex;
use std::thread;

use crate::one_worker::Worker;
use crate::protocol::{Task, TaskError};

pub use crate::provided::process_pool::{Outcome, Pool};

impl Pool {
    /// Starts `size` workers (at least one) running `program`.
    pub fn new(program: &Path, size: usize) -> io::Result<Self> {
        // TODO: `size.max(1)` workers, each `Worker::spawn(program)`, in `Some(...)` slots.
        todo!()
    }

    /// Runs every task on the pool's workers at once and returns the outcomes in input order:
    /// `outcomes[i]` belongs to `tasks[i]`, whichever worker ran it and whenever it finished.
    pub fn map(&mut self, tasks: Vec<Task>) -> Vec<Outcome> {
        // TODO: one thread per worker slot, one shared queue of (index, task), outcomes by index.
        todo!()
    }

    /// Shuts every worker down and returns how each exited.
    pub fn shutdown(mut self) -> io::Result<Vec<ExitStatus>> {
        // TODO: `Worker::shutdown` on every worker that is still there.
        todo!()
    }
}
