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
//! 0.001 at wall times from a microsecond to an hour. They cannot check how a profile was
//! measured: this chapter's `profile` example shows that part.

pub use crate::provided::classify::{
    CPU_BOUND_SHARE, IO_BOUND_SHARE, Profile, ProfileError, WorkloadKind,
};

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
