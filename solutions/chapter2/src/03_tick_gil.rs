//! Exercise 2.3: the GIL before Python 3.2.
//! Book: src/ch02/03-tick-gil.md

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

// ANCHOR: solution
impl GilPolicy for TickGil {
    fn name(&self) -> String {
        format!("check every {} ticks", self.check_interval)
    }

    fn choose(&mut self, view: &LockView<'_>) -> Option<ThreadId> {
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

    fn take_notes(&mut self) -> Vec<Note> {
        std::mem::take(&mut self.notes)
    }
}

impl TickGil {
    /// The releasing holder and a woken waiter race for the GIL.
    fn battle(&mut self, now: Tick, holder: ThreadId, waiter: ThreadId) -> Option<ThreadId> {
        self.battles += 1;
        if self.battles.is_multiple_of(self.waiter_wins_every) {
            self.note(now, waiter, format!("wins battle {}", self.battles));
            Some(waiter)
        } else {
            let text = format!("releases, wins battle {} and runs on", self.battles);
            self.note(now, holder, text);
            Some(holder)
        }
    }
}
// ANCHOR_END: solution
