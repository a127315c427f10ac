//! Exercise 1.3: taking turns.
//! Book: src/ch01/03-taking-turns.md
//!
//! A plain lock lets a CPU-bound thread keep the GIL until it finishes. Write the rule that makes
//! threads take turns, as a policy for the simulated scheduler in `support::sim`:
//!
//! - nobody holds the GIL: give it to the thread that has waited longest (`view.waiters[0]`);
//! - the holder has held it for `turn` ticks or more *and* someone is waiting: hand it to the
//!   thread that has waited longest;
//! - otherwise the holder keeps it (a switch with nobody waiting is wasted work).
//!
//! The scheduler calls `choose` at the start of every tick. The tests run scenarios with it
//! and compare the timelines with the book's. A wrong rule shows up as a different picture, a
//! deadlock (the GIL given to nobody) or an error (the GIL given to a thread that did not ask).
//! Another test checks the rule tick by tick on scenarios that are not in the book (turns of 1,
//! 3 and 5 ticks, a thread that blocks and comes back), so use `self.turn`, not the book's 4.

use support::sim::{GilPolicy, LockView, ThreadId};

/// `TakeTurns { turn }`, provided (`provided/taking_turns.rs`).
pub use crate::provided::taking_turns::TakeTurns;

impl GilPolicy for TakeTurns {
    fn name(&self) -> String {
        format!("take turns every {} ticks", self.turn)
    }

    fn choose(&mut self, view: &LockView<'_>) -> Option<ThreadId> {
        // TODO: `view.holder`, `view.held_for()` and `view.waiters` have all you need.
        todo!()
    }
}
