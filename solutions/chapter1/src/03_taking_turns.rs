//! Exercise 1.3: taking turns.
//! Book: src/ch01/03-taking-turns.md

use support::sim::{GilPolicy, LockView, ThreadId};

pub use crate::provided::taking_turns::TakeTurns;

// ANCHOR: solution
impl GilPolicy for TakeTurns {
    fn name(&self) -> String {
        format!("take turns every {} ticks", self.turn)
    }

    fn choose(&mut self, view: &LockView<'_>) -> Option<ThreadId> {
        let longest_waiter = view.waiters.first().map(|waiter| waiter.thread);
        match view.holder {
            // Nobody holds the GIL: the thread that has waited longest takes it.
            None => longest_waiter,
            // The turn is over and someone is waiting: hand over. The old holder becomes a
            // waiter from this tick on, so it queues up behind everyone who was already waiting.
            Some(_) if view.held_for() >= Some(self.turn) && longest_waiter.is_some() => {
                longest_waiter
            }
            // Otherwise keep going: switching with nobody waiting would only cost time.
            Some(holder) => Some(holder.thread),
        }
    }
}
// ANCHOR_END: solution
