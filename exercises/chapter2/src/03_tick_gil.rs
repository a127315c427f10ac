//! Exercise 2.3: the GIL before Python 3.2.
//! Book: src/ch02/03-tick-gil.md
//!
//! Write `TickGil::choose`, the switching rule of CPython 2.x and 3.0-3.1, for the simulated
//! scheduler. The scheduler calls it at the start of every tick in which a thread wants the GIL.
//!
//! - Nobody holds the GIL: the first waiter (`view.waiters[0]`) takes it.
//! - The holder has ticks left on the ticker (`self.ticker > 0`): it keeps the GIL.
//! - The ticker is at 0: a check. Reset the ticker to `check_interval`. Nobody waiting: the
//!   holder keeps the GIL. Someone waiting: a battle (`self.battles += 1`) between the holder
//!   and the first waiter. The waiter wins when `battles` is a multiple of
//!   `waiter_wins_every`; otherwise the holder wins. Note each battle on the winner's row with
//!   `self.note(...)`, as the snapshot lists them: "wins battle 3" for a waiter that wins,
//!   "releases, wins battle 1 and runs on" for a holder that wins.
//! - Whoever runs this tick (if anyone) counts the ticker down by one; it stops at 0.
//!
//! The tests compare the timelines with the book's, and check on other settings (a check every
//! 1, 3 or 5 ticks; the waiter winning every battle or every second one) that two CPU-bound
//! threads swap the GIL every `check_interval * waiter_wins_every` ticks. A rule that never
//! hands the GIL over, or leaves it free while threads wait, ends in an error that names the
//! problem.

use support::sim::{GilPolicy, LockView, Note, ThreadId, Tick};

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
    ticker: Tick,
    /// Battles fought so far, to decide the next one.
    battles: u32,
    notes: Vec<Note>,
}

impl TickGil {
    pub fn new(check_interval: Tick, waiter_wins_every: u32) -> Self {
        assert!(check_interval > 0 && waiter_wins_every > 0);
        Self {
            check_interval,
            waiter_wins_every,
            ticker: check_interval,
            battles: 0,
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

impl GilPolicy for TickGil {
    fn name(&self) -> String {
        format!("check every {} ticks", self.check_interval)
    }

    fn choose(&mut self, view: &LockView<'_>) -> Option<ThreadId> {
        // TODO: the four rules above. A helper `fn battle(&mut self, ...)` keeps it readable.
        todo!()
    }

    fn take_notes(&mut self) -> Vec<Note> {
        std::mem::take(&mut self.notes)
    }
}
