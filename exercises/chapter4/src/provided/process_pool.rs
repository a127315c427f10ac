//! Provided for exercise 4.2: the pool's fields and the outcome of one task. Complete, and
//! shared with the solution; you write `Pool`'s methods in `02_process_pool.rs`.

use std::path::PathBuf;

use crate::one_worker::Worker;
use crate::protocol::{Answer, TaskError};

/// A fixed number of worker processes, like `multiprocessing.Pool(processes=size)`.
#[derive(Debug)]
pub struct Pool {
    /// The worker program, to start a replacement for a worker that failed.
    pub(crate) program: PathBuf,
    /// One slot per worker. A slot is empty when its worker died and could not be replaced.
    pub(crate) workers: Vec<Option<Worker>>,
}

/// The outcome of one task: an answer, or what went wrong with this task alone.
pub type Outcome = Result<Answer, TaskError>;
