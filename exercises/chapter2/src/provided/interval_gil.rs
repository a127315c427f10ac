//! Provided for exercise 2.4: the 3.2+ GIL's setting and state. Its switching rule,
//! `IntervalGil::choose`, is the exercise (`04_interval_gil.rs`).

use std::collections::BTreeMap;

use support::sim::{ThreadId, Tick};

use super::notes::{Notes, gil_policy};

/// CPython's GIL since 3.2 (`Python/ceval_gil.c`): a waiter waits one switch interval
/// (`sys.getswitchinterval()`, 5 ms), then asks the holder to drop the GIL; the holder drops it
/// at its next check and may not take it back until another thread has taken it.
#[derive(Clone, Debug)]
pub struct IntervalGil {
    pub interval: Tick,
    /// A waiter's request that the holder let go (`gil_drop_request` up to 3.12, a bit in the
    /// holder's `eval_breaker` since 3.13). The holder honours it at its next tick.
    pub(crate) drop_request: bool,
    /// Bumped whenever the GIL passes to a different thread (`gil->switch_number`).
    pub(crate) switch_number: u64,
    /// Each waiter's timed wait on the condition variable.
    pub(crate) timed_waits: BTreeMap<ThreadId, TimedWait>,
    /// What the timeline shows about requests and switches: `notes.add(view.now, thread, text)`.
    pub(crate) notes: Notes,
}

/// One waiter's current wait of one interval.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TimedWait {
    /// Its first tick.
    pub(crate) started: Tick,
    /// The switch number when it started: if it changed, someone got the GIL meanwhile.
    pub(crate) switch_number: u64,
}

impl IntervalGil {
    pub fn new(interval: Tick) -> Self {
        assert!(interval > 0);
        Self {
            interval,
            drop_request: false,
            switch_number: 0,
            timed_waits: BTreeMap::new(),
            notes: Notes::default(),
        }
    }
}

gil_policy!(IntervalGil, |gil| format!(
    "switch interval of {} ticks",
    gil.interval
));
