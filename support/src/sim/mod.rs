//! A deterministic scheduler with virtual time, for watching a GIL at work.
//!
//! Time advances in whole **ticks**. At every tick each simulated thread does one tick of the
//! step at the head of its script:
//! - [`Step::Python`]: interpreter work. It needs its process's GIL, so it only advances in a tick
//!   where that thread holds the GIL; otherwise the thread waits for it.
//! - [`Step::Io`]: a blocking wait (a socket read, `time.sleep`). The GIL is not needed, so the
//!   thread advances whatever the others do.
//! - [`Step::Native`]: native code that released the GIL (`Py_BEGIN_ALLOW_THREADS`): CPU work that
//!   also advances without the GIL.
//!
//! Who holds a process's GIL during a tick is decided by that process's [`GilPolicy`], which
//! sees a [`LockView`] of the current holder and the waiting threads. A process created without
//! a policy has no GIL at all (a free-threaded build): its Python steps always advance. Every
//! process is assumed to have a core for each of its runnable threads.
//!
//! Nothing here reads a clock or depends on the operating system's scheduler: the same scenario
//! gives the same [`Timeline`](crate::timeline::Timeline) on every machine.

mod engine;
mod policy;

pub use engine::{Limits, SimError};
pub use policy::{GilPolicy, HoldUntilBlocked, Holder, LockView, Waiter};

// The words a timeline is written in: the scheduler produces timelines, so it borrows them from
// there (and the timeline needs nothing of the scheduler).
pub use crate::timeline::{Note, ThreadId, Tick};

/// One step of a simulated thread's script, lasting the given number of ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Run Python bytecode: needs the process's GIL for every tick.
    Python(Tick),
    /// Block on I/O or sleep: the GIL is released while waiting.
    Io(Tick),
    /// Run native code that released the GIL: uses a core, not the GIL.
    Native(Tick),
}

/// A simulated thread: a name to draw and a script to run.
#[derive(Clone, Debug)]
pub struct ThreadSpec {
    pub name: String,
    pub script: Vec<Step>,
}

/// A thread with its script, e.g. `thread("T1", [Step::Python(12)])`.
pub fn thread(name: impl Into<String>, script: impl IntoIterator<Item = Step>) -> ThreadSpec {
    ThreadSpec {
        name: name.into(),
        script: script.into_iter().collect(),
    }
}

/// A process: its threads, and its GIL's policy (none for a free-threaded build).
pub struct ProcessSpec {
    pub name: String,
    pub gil: Option<Box<dyn GilPolicy>>,
    pub threads: Vec<ThreadSpec>,
}

/// Everything a simulation runs: processes with their threads, and the limits it runs under.
#[derive(Default)]
pub struct Scenario {
    pub processes: Vec<ProcessSpec>,
    pub limits: Limits,
}

impl Scenario {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a process whose threads share one GIL, handed around by `policy`.
    pub fn process(
        mut self,
        name: impl Into<String>,
        policy: impl GilPolicy + 'static,
        threads: impl IntoIterator<Item = ThreadSpec>,
    ) -> Self {
        self.processes.push(ProcessSpec {
            name: name.into(),
            gil: Some(Box::new(policy)),
            threads: threads.into_iter().collect(),
        });
        self
    }

    /// Adds a process with no GIL, like CPython's free-threaded build (`python3.13t`).
    pub fn free_threaded_process(
        mut self,
        name: impl Into<String>,
        threads: impl IntoIterator<Item = ThreadSpec>,
    ) -> Self {
        self.processes.push(ProcessSpec {
            name: name.into(),
            gil: None,
            threads: threads.into_iter().collect(),
        });
        self
    }

    /// Replaces the default [`Limits`].
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Runs the scenario to the end and returns what happened at every tick.
    pub fn run(self) -> Result<crate::timeline::Timeline, SimError> {
        engine::run(self)
    }
}
