//! Provided for exercise `02_decide.rs`: complete, and shared with its solution.

use std::fmt;

use crate::classify::WorkloadKind;

/// What you know about a workload once you have profiled it.
#[derive(Clone, Copy, Debug)]
pub struct Workload {
    /// From exercise 6.1.
    pub kind: WorkloadKind,
    /// How many waits (requests, connections, queries) could be in flight at the same time.
    pub waits_in_flight: usize,
    /// CPU time of the whole job, in milliseconds, as the profile measured it.
    pub total_cpu_ms: u64,
    /// The hot loop runs in native code that releases the GIL (NumPy, zlib, hashlib).
    pub native_releases_gil: bool,
    /// The job can run on a free-threaded CPython (3.14t) with every extension it imports.
    pub free_threaded_ok: bool,
}

/// The approaches chapter 4 built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Approach {
    Sequential,
    Threads,
    Asyncio,
    ProcessPool,
    /// Threads or asyncio for the waiting, a process pool for the computing.
    Hybrid,
}

/// One reason behind a choice. The texts are fixed: pick the variants, not the words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    NothingToOverlap,
    GilReleasedWhileWaiting,
    FewWaits,
    ThousandsOfWaits,
    TooSmallToSplit,
    NativeCodeReleasesGil,
    NoGilInFreeThreadedBuild,
    BytecodeNeedsTheGil,
    ProcessHasItsOwnGil,
}

/// A choice and the reasons for it, most important first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Advice {
    pub approach: Approach,
    pub reasons: Vec<Reason>,
}

/// From this many waits in flight on, asyncio beats a thread per wait.
pub const MANY_WAITS: usize = 1000;
/// A job with less CPU time than this is not worth splitting across workers: starting them and
/// moving the data costs about as much (chapter 7, mistake 2, measures the crossover).
pub const WORTH_SPLITTING_MS: u64 = 100;

impl fmt::Display for Approach {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Sequential => "sequential",
            Self::Threads => "threads",
            Self::Asyncio => "asyncio",
            Self::ProcessPool => "process pool",
            Self::Hybrid => "hybrid: threads or asyncio + a process pool",
        })
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::NothingToOverlap => "one wait at a time: nothing to overlap",
            Self::GilReleasedWhileWaiting => "the GIL is released while a thread waits",
            Self::FewWaits => "few waits: a thread each is cheap",
            Self::ThousandsOfWaits => "thousands of waits: one event loop holds them cheaply",
            Self::TooSmallToSplit => "too little CPU time to pay for starting workers",
            Self::NativeCodeReleasesGil => {
                "native code releases the GIL: threads run it in parallel"
            }
            Self::NoGilInFreeThreadedBuild => "no GIL in a free-threaded build",
            Self::BytecodeNeedsTheGil => "bytecode needs the GIL: threads would take turns",
            Self::ProcessHasItsOwnGil => "each process has its own GIL",
        })
    }
}
