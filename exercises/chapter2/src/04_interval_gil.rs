//! Exercise 2.4: the GIL since Python 3.2.
//! Book: src/ch02/04-interval-gil.md
//!
//! Write `IntervalGil::choose`, the rules of `Python/ceval_gil.c`, for the simulated scheduler:
//!
//! 1. Who runs this tick. The holder, if a drop request is set and someone waits, drops the
//!    GIL and the first waiter takes it (the forced switch: the old holder cannot win it
//!    back); note "drops the GIL: forced switch" on the holder's row. Otherwise the holder
//!    keeps it. Nobody holds it: the first waiter takes it.
//! 2. Taking. A thread that was not holding it before this tick takes the GIL: if it is not
//!    `view.last_holder`, bump `switch_number`. Clear `drop_request` (it was aimed at the old
//!    holder) and forget the taker's timed wait.
//! 3. Waiting. Every waiter that does not run this tick spends it in a timed wait, and so does
//!    a holder that was just forced off (it still wants the GIL; its wait starts this tick,
//!    `view.now`): start one (`TimedWait { started: waiter.since, switch_number }`) if it has
//!    none. When it has waited `interval` ticks (`now + 1 - started >= interval`) the wait
//!    times out. If `switch_number` has changed since it started, note "waited {interval}
//!    ticks, but the GIL changed hands" on the waiter's row. If not, and no request is pending,
//!    set `drop_request` and note "waited {interval} ticks: sets the drop request". Either way,
//!    start a new wait from the next tick.
//!
//! The tests snapshot two CPU-bound threads and the convoy effect (a thread back from I/O
//! waiting for the GIL beside a CPU-bound one), and check on other intervals (1, 3 and 4 ticks)
//! that two CPU-bound threads swap the GIL every interval. A holder that ignores the drop
//! request starves the waiter; a GIL left free while threads wait is a lost wake-up; both end
//! in an error that names the problem.

use std::collections::BTreeMap;

use support::sim::{GilPolicy, LockView, Note, ThreadId, Tick};

/// CPython's GIL since 3.2 (`Python/ceval_gil.c`): a waiter waits one switch interval
/// (`sys.getswitchinterval()`, 5 ms), then asks the holder to drop the GIL; the holder drops it
/// at its next check and may not take it back until another thread has taken it.
#[derive(Clone, Debug)]
pub struct IntervalGil {
    pub interval: Tick,
    /// A waiter's request that the holder let go (`gil_drop_request` up to 3.12, a bit in the
    /// holder's `eval_breaker` since 3.13). The holder honours it at its next tick.
    drop_request: bool,
    /// Bumped whenever the GIL passes to a different thread (`gil->switch_number`).
    switch_number: u64,
    /// Each waiter's timed wait on the condition variable.
    timed_waits: BTreeMap<ThreadId, TimedWait>,
    notes: Vec<Note>,
}

/// One waiter's current wait of one interval.
#[derive(Clone, Copy, Debug)]
struct TimedWait {
    /// Its first tick.
    started: Tick,
    /// The switch number when it started: if it changed, someone got the GIL meanwhile.
    switch_number: u64,
}

impl IntervalGil {
    pub fn new(interval: Tick) -> Self {
        assert!(interval > 0);
        Self {
            interval,
            drop_request: false,
            switch_number: 0,
            timed_waits: BTreeMap::new(),
            notes: Vec::new(),
        }
    }

    /// Draws `text` on the timeline at `at`, on `thread`'s row.
    fn note(&mut self, at: Tick, thread: ThreadId, text: String) {
        self.notes.push(Note {
            at,
            thread: Some(thread),
            text,
        });
    }
}

impl GilPolicy for IntervalGil {
    fn name(&self) -> String {
        format!("switch interval of {} ticks", self.interval)
    }

    fn choose(&mut self, view: &LockView<'_>) -> Option<ThreadId> {
        // TODO: the three parts above. Helpers `fn take(...)` and `fn wait_one_tick(...)`
        // keep it readable.
        todo!()
    }

    fn take_notes(&mut self) -> Vec<Note> {
        std::mem::take(&mut self.notes)
    }
}
