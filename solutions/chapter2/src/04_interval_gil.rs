//! Exercise 2.4: the GIL since Python 3.2.
//! Book: src/ch02/04-interval-gil.md

use support::sim::{LockView, ThreadId};

pub use crate::provided::interval_gil::IntervalGil;
use crate::provided::interval_gil::TimedWait;

// ANCHOR: solution
impl IntervalGil {
    /// Who holds the GIL during the tick `view.now`: the holder, a waiter, or nobody. The
    /// scheduler calls it through the provided `GilPolicy` impl.
    pub fn choose(&mut self, view: &LockView<'_>) -> Option<ThreadId> {
        let first_waiter = view.waiters.first().map(|waiter| waiter.thread);
        let chosen = match view.holder {
            // Asked to drop: drop_gil() signals a waiter, and the forced switch makes the
            // holder wait until that waiter has the GIL. It cannot win it straight back.
            Some(holder) if self.drop_request && first_waiter.is_some() => {
                let text = "drops the GIL: forced switch";
                self.notes.add(view.now, holder.thread, text);
                first_waiter
            }
            Some(holder) => Some(holder.thread),
            // The GIL is free: a waiter woken by the release takes it.
            None => first_waiter,
        };
        let old_holder = view.holder.map(|holder| holder.thread);
        if let Some(taker) = chosen.filter(|&taker| Some(taker) != old_holder) {
            self.take(taker, view.last_holder);
        }
        // A holder forced off still wants the GIL: it waits from this very tick, like the
        // others (with an interval of 1 tick, its wait runs out at once).
        let forced_off = old_holder.filter(|&holder| chosen.is_some() && chosen != Some(holder));
        self.wait_one_tick(view, chosen, forced_off);
        chosen
    }
    /// take_gil()'s ending: a new holder bumps the switch number and starts with no request.
    fn take(&mut self, taker: ThreadId, last_holder: Option<ThreadId>) {
        if last_holder != Some(taker) {
            self.switch_number += 1;
        }
        self.drop_request = false;
        self.timed_waits.remove(&taker);
    }

    /// Every thread still waiting spends this tick in its timed wait. A wait that runs out
    /// with no switch meanwhile sets the drop request; either way a new wait begins.
    fn wait_one_tick(
        &mut self,
        view: &LockView<'_>,
        chosen: Option<ThreadId>,
        forced_off: Option<ThreadId>,
    ) {
        let waiting = view
            .waiters
            .iter()
            .map(|waiter| (waiter.thread, waiter.since));
        let waiting = waiting.chain(forced_off.map(|holder| (holder, view.now)));
        for (waiter, since) in waiting.filter(|&(waiter, _)| Some(waiter) != chosen) {
            let fresh = TimedWait {
                started: since,
                switch_number: self.switch_number,
            };
            let wait = *self.timed_waits.entry(waiter).or_insert(fresh);
            if view.now + 1 - wait.started < self.interval {
                continue;
            }
            if wait.switch_number != self.switch_number {
                // Someone got the GIL meanwhile: no reason to complain yet.
                let text = format!("waited {} ticks, but the GIL changed hands", self.interval);
                self.notes.add(view.now, waiter, text);
            } else if !self.drop_request {
                self.drop_request = true;
                let text = format!("waited {} ticks: sets the drop request", self.interval);
                self.notes.add(view.now, waiter, text);
            }
            let next = TimedWait {
                started: view.now + 1,
                switch_number: self.switch_number,
            };
            self.timed_waits.insert(waiter, next);
        }
    }
}
// ANCHOR_END: solution
