//! Provided for exercise 2.3: the pre-3.2 GIL's settings and state. Its switching rule,
//! `TickGil::choose`, is the exercise (`03_tick_gil.rs`).

use support::sim::Tick;

use super::notes::{Notes, gil_policy};

/// CPython's GIL before 3.2: every `check_interval` ticks of Python (`sys.setcheckinterval`,
/// 100 by default) the holder releases the GIL and at once asks for it again. Nothing hands it
/// over: a woken waiter and the releasing thread race for it, a "GIL battle".
///
/// Who wins a battle was up to the operating system; on a multicore machine it was nearly
/// always the releasing thread, which never stopped running. This simulation fixes the
/// outcome so that the timeline is the same on every machine: the waiter wins every
/// `waiter_wins_every`-th battle and the releasing thread wins all the others.
#[derive(Clone, Debug)]
pub struct TickGil {
    pub check_interval: Tick,
    pub waiter_wins_every: u32,
    /// Ticks left until the next check: CPython's `_Py_Ticker`, counted down by whichever thread
    /// runs Python and reset at every check.
    pub(crate) ticker: Tick,
    /// Battles fought so far, to decide the next one.
    pub(crate) battles: u32,
    /// What the timeline shows about the battles: `notes.add(view.now, thread, text)`.
    pub(crate) notes: Notes,
}

impl TickGil {
    pub fn new(check_interval: Tick, waiter_wins_every: u32) -> Self {
        assert!(check_interval > 0 && waiter_wins_every > 0);
        Self {
            check_interval,
            waiter_wins_every,
            ticker: check_interval,
            battles: 0,
            notes: Notes::default(),
        }
    }
}

gil_policy!(TickGil, |gil| format!(
    "check every {} ticks",
    gil.check_interval
));
