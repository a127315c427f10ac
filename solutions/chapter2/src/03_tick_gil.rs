//! Exercise 2.3: the GIL before Python 3.2.
//! Book: src/ch02/03-tick-gil.md

use support::sim::{LockView, ThreadId, Tick};

pub use crate::provided::tick_gil::TickGil;

// ANCHOR: solution
impl TickGil {
    /// Who holds the GIL during the tick `view.now`: the holder, a waiter, or nobody. The
    /// scheduler calls it through the provided `GilPolicy` impl.
    pub fn choose(&mut self, view: &LockView<'_>) -> Option<ThreadId> {
        let first_waiter = view.waiters.first().map(|waiter| waiter.thread);
        let chosen = match view.holder {
            // The GIL is free (its holder blocked or finished): a waiter wakes and takes it.
            None => first_waiter,
            // Between checks the holder just goes on.
            Some(holder) if self.ticker > 0 => Some(holder.thread),
            // A check: release, signal, and at once try to take the GIL back.
            Some(holder) => {
                self.ticker = self.check_interval;
                match first_waiter {
                    // Nobody waits: the release and the re-acquire are wasted work, nothing more.
                    None => Some(holder.thread),
                    Some(waiter) => self.battle(view.now, holder.thread, waiter),
                }
            }
        };
        // Whoever runs this tick counts it down. (At 0 already, the GIL was free at the check:
        // the next tick's holder meets the check.)
        if chosen.is_some() {
            self.ticker = self.ticker.saturating_sub(1);
        }
        chosen
    }
    /// The releasing holder and a woken waiter race for the GIL.
    fn battle(&mut self, now: Tick, holder: ThreadId, waiter: ThreadId) -> Option<ThreadId> {
        self.battles += 1;
        if self.battles.is_multiple_of(self.waiter_wins_every) {
            self.notes
                .add(now, waiter, format!("wins battle {}", self.battles));
            Some(waiter)
        } else {
            let text = format!("releases, wins battle {} and runs on", self.battles);
            self.notes.add(now, holder, text);
            Some(holder)
        }
    }
}
// ANCHOR_END: solution
