//! Provided for exercise `01_classify.rs`: complete, and shared with its solution.

use std::fmt;
use std::time::Duration;

/// What one thread's run cost: the time on the clock, and the time it spent on a core.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Profile {
    /// Wall time: from start to finish, as a stopwatch sees it.
    pub wall: Duration,
    /// CPU time of the thread that ran the work (`time.thread_time()` in Python).
    pub cpu: Duration,
}

/// The three kinds of workload the rest of the book chooses between.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkloadKind {
    /// Busy on a core most of the time: more threads under a GIL do not help.
    CpuBound,
    /// Waiting most of the time (network, disk, sleep): the GIL is free while it waits.
    IoBound,
    /// A real share of both.
    Mixed,
}

/// Why a profile cannot be classified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileError {
    /// No wall time at all: nothing was measured.
    NothingMeasured,
    /// More CPU time than wall time: the CPU clock counted several threads (or the process).
    /// Measure the one thread that ran the work.
    CpuExceedsWall,
}

/// At least this share of the wall time on a core: CPU-bound.
pub const CPU_BOUND_SHARE: f64 = 0.8;
/// At most this share of the wall time on a core: I/O-bound.
pub const IO_BOUND_SHARE: f64 = 0.2;

impl fmt::Display for WorkloadKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::CpuBound => "CPU-bound",
            Self::IoBound => "I/O-bound",
            Self::Mixed => "mixed",
        })
    }
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::NothingMeasured => "error: nothing measured",
            Self::CpuExceedsWall => "error: CPU time exceeds wall time (several threads counted)",
        })
    }
}
