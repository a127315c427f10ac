//! Exercise 6.2: a decision function that gives its reasons.
//! Book: src/ch06/02-decide.md
//!
//! Turn the book's decision tree into a function that says what to use and why. Apply these
//! rules, in this order, and give the reasons in the order listed:
//!
//! | kind | condition | approach | reasons |
//! |---|---|---|---|
//! | I/O-bound | at most 1 wait in flight | `Sequential` | `NothingToOverlap` |
//! | I/O-bound | at least `MANY_WAITS` in flight | `Asyncio` | `GilReleasedWhileWaiting`, `ThousandsOfWaits` |
//! | I/O-bound | otherwise | `Threads` | `GilReleasedWhileWaiting`, `FewWaits` |
//! | CPU-bound | less than `WORTH_SPLITTING_MS` of CPU | `Sequential` | `TooSmallToSplit` |
//! | CPU-bound | native code releases the GIL | `Threads` | `NativeCodeReleasesGil` |
//! | CPU-bound | free-threaded build possible | `Threads` | `NoGilInFreeThreadedBuild` |
//! | CPU-bound | otherwise | `ProcessPool` | `BytecodeNeedsTheGil`, `ProcessHasItsOwnGil` |
//! | mixed | native code releases the GIL | `Threads` | `GilReleasedWhileWaiting`, `NativeCodeReleasesGil` |
//! | mixed | free-threaded build possible | `Threads` | `GilReleasedWhileWaiting`, `NoGilInFreeThreadedBuild` |
//! | mixed | less than `WORTH_SPLITTING_MS` of CPU | `Threads` | `GilReleasedWhileWaiting`, `TooSmallToSplit` |
//! | mixed | otherwise | `Hybrid` | `GilReleasedWhileWaiting`, `BytecodeNeedsTheGil`, `ProcessHasItsOwnGil` |
//!
//! The tests run the function over the book's workloads and snapshot the decision table: the
//! very table the book prints. They also try every kind at and around every threshold, with
//! every combination of the two flags. They check the rules, not whether they suit your own program:
//! profile that, and measure the approach you pick.

use crate::classify::WorkloadKind;

pub use crate::provided::decide::{
    Advice, Approach, MANY_WAITS, Reason, WORTH_SPLITTING_MS, Workload,
};

// ANCHOR: solution
/// Chooses an approach for a profiled workload, with the reasons for the choice.
pub fn decide(workload: &Workload) -> Advice {
    use Approach::*;
    use Reason::*;
    let advice = |approach, reasons: &[Reason]| Advice {
        approach,
        reasons: reasons.to_vec(),
    };
    let too_small = workload.total_cpu_ms < WORTH_SPLITTING_MS;
    match workload.kind {
        WorkloadKind::IoBound if workload.waits_in_flight <= 1 => {
            advice(Sequential, &[NothingToOverlap])
        }
        WorkloadKind::IoBound if workload.waits_in_flight >= MANY_WAITS => {
            advice(Asyncio, &[GilReleasedWhileWaiting, ThousandsOfWaits])
        }
        WorkloadKind::IoBound => advice(Threads, &[GilReleasedWhileWaiting, FewWaits]),

        WorkloadKind::CpuBound if too_small => advice(Sequential, &[TooSmallToSplit]),
        WorkloadKind::CpuBound if workload.native_releases_gil => {
            advice(Threads, &[NativeCodeReleasesGil])
        }
        WorkloadKind::CpuBound if workload.free_threaded_ok => {
            advice(Threads, &[NoGilInFreeThreadedBuild])
        }
        WorkloadKind::CpuBound => advice(ProcessPool, &[BytecodeNeedsTheGil, ProcessHasItsOwnGil]),

        // Mixed: the waiting always overlaps under threads; the question is the computing.
        WorkloadKind::Mixed if workload.native_releases_gil => {
            advice(Threads, &[GilReleasedWhileWaiting, NativeCodeReleasesGil])
        }
        WorkloadKind::Mixed if workload.free_threaded_ok => advice(
            Threads,
            &[GilReleasedWhileWaiting, NoGilInFreeThreadedBuild],
        ),
        WorkloadKind::Mixed if too_small => {
            advice(Threads, &[GilReleasedWhileWaiting, TooSmallToSplit])
        }
        WorkloadKind::Mixed => advice(
            Hybrid,
            &[
                GilReleasedWhileWaiting,
                BytecodeNeedsTheGil,
                ProcessHasItsOwnGil,
            ],
        ),
    }
}
// ANCHOR_END: solution
