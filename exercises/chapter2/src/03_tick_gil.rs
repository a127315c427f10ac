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
//!   `self.notes.add(view.now, winner, text)`, as the snapshot lists them: "wins battle 3" for a
//!   waiter that wins, "releases, wins battle 1 and runs on" for a holder that wins.
//! - Whoever runs this tick (if anyone) counts the ticker down by one; it stops at 0.
//!
//! The tests compare the timelines with the book's, and check on other settings (a check every
//! 1, 3 or 5 ticks; the waiter winning every battle or every second one) that two CPU-bound
//! threads swap the GIL every `check_interval * waiter_wins_every` ticks. A rule that never
//! hands the GIL over, or leaves it free while threads wait, ends in an error that names the
//! problem.
//!
//! `TickGil`, its settings and its state (`ticker`, `battles`, `notes`) are provided
//! (`provided/tick_gil.rs`).

use support::sim::{LockView, ThreadId};

pub use crate::provided::tick_gil::TickGil;

impl TickGil {
    /// Who holds the GIL during the tick `view.now`: the holder, a waiter, or nobody. The
    /// scheduler calls it through the provided `GilPolicy` impl.
    pub fn choose(&mut self, view: &LockView<'_>) -> Option<ThreadId> {
        // TODO: the four rules above. A helper `fn battle(&mut self, ...)` keeps it readable.
        todo!()
    }
}
