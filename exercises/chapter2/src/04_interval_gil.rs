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
//!
//! `IntervalGil`, its interval and its state (`drop_request`, `switch_number`, `timed_waits`,
//! `notes`) are provided (`provided/interval_gil.rs`), and so is `TimedWait`. A note goes on a
//! thread's row with `self.notes.add(view.now, thread, text)`.

use support::sim::{LockView, ThreadId};

pub use crate::provided::interval_gil::IntervalGil;
use crate::provided::interval_gil::TimedWait;

impl IntervalGil {
    /// Who holds the GIL during the tick `view.now`: the holder, a waiter, or nobody. The
    /// scheduler calls it through the provided `GilPolicy` impl.
    pub fn choose(&mut self, view: &LockView<'_>) -> Option<ThreadId> {
        // TODO: the three parts above. Helpers `fn take(...)` and `fn wait_one_tick(...)`
        // keep it readable.
        todo!()
    }
}
