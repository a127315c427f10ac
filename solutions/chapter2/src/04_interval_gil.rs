//! Exercise 2.4: the GIL since Python 3.2.
//! Book: src/ch02/04-interval-gil.md

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

// ANCHOR: solution
impl GilPolicy for IntervalGil {
    fn name(&self) -> String {
        format!("switch interval of {} ticks", self.interval)
    }

    fn choose(&mut self, view: &LockView<'_>) -> Option<ThreadId> {
        let first_waiter = view.waiters.first().map(|waiter| waiter.thread);
        let chosen = match view.holder {
            // Asked to drop: drop_gil() signals a waiter, and the forced switch makes the
            // holder wait until that waiter has the GIL. It cannot win it straight back.
            Some(holder) if self.drop_request && first_waiter.is_some() => {
                self.note(
                    view.now,
                    holder.thread,
                    "drops the GIL: forced switch".to_owned(),
                );
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
        self.wait_one_tick(view, chosen);
        chosen
    }

    fn take_notes(&mut self) -> Vec<Note> {
        std::mem::take(&mut self.notes)
    }
}

impl IntervalGil {
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
    fn wait_one_tick(&mut self, view: &LockView<'_>, chosen: Option<ThreadId>) {
        for waiter in view.waiters.iter().filter(|w| Some(w.thread) != chosen) {
            let fresh = TimedWait {
                started: waiter.since,
                switch_number: self.switch_number,
            };
            let wait = *self.timed_waits.entry(waiter.thread).or_insert(fresh);
            if view.now + 1 - wait.started < self.interval {
                continue;
            }
            if wait.switch_number != self.switch_number {
                // Someone got the GIL meanwhile: no reason to complain yet.
                let text = format!("waited {} ticks, but the GIL changed hands", self.interval);
                self.note(view.now, waiter.thread, text);
            } else if !self.drop_request {
                self.drop_request = true;
                let text = format!("waited {} ticks: sets the drop request", self.interval);
                self.note(view.now, waiter.thread, text);
            }
            let next = TimedWait {
                started: view.now + 1,
                switch_number: self.switch_number,
            };
            self.timed_waits.insert(waiter.thread, next);
        }
    }
}
// ANCHOR_END: solution
