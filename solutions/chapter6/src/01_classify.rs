//! Exercise 6.1: profile first: CPU time against wall time.
//! Book: src/ch06/01-profile-first.md
//!
//! Before choosing threads, processes or async, measure what the work spends its time on. Time
//! one run twice: with a stopwatch (wall time) and with the thread's CPU clock (CPU time). Their
//! ratio is the share of the run spent on a core:
//!
//! - at least `CPU_BOUND_SHARE` (0.8): CPU-bound;
//! - at most `IO_BOUND_SHARE` (0.2): I/O-bound;
//! - in between: mixed.
//!
//! Write `classify`. A profile with no wall time measured nothing (whatever the CPU clock says),
//! and a single thread cannot spend more time on a core than on the clock: both are errors, not
//! guesses.
//!
//! The tests classify a table of profiles (one of each shape, the edges of both thresholds at two
//! scales, the impossible ones, times finer than a millisecond), then every CPU share in steps of
//! 0.001 at wall times from a microsecond to an hour. It cannot check how a profile was measured: this chapter's `profile`
//! example shows that part.

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

// ANCHOR: solution
/// Classifies one thread's run by the share of its wall time it spent on a core.
pub fn classify(profile: Profile) -> Result<WorkloadKind, ProfileError> {
    if profile.wall.is_zero() {
        return Err(ProfileError::NothingMeasured);
    }
    if profile.cpu > profile.wall {
        return Err(ProfileError::CpuExceedsWall);
    }
    // Both are durations of the same run, so their ratio has no unit: 1.0 means "always busy".
    let cpu_share = profile.cpu.as_secs_f64() / profile.wall.as_secs_f64();
    Ok(if cpu_share >= CPU_BOUND_SHARE {
        WorkloadKind::CpuBound
    } else if cpu_share <= IO_BOUND_SHARE {
        WorkloadKind::IoBound
    } else {
        WorkloadKind::Mixed
    })
}
// ANCHOR_END: solution

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
