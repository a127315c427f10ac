//! The seam between the scheduler and a GIL's switching rules.

use super::{Note, ThreadId, Tick};

/// The thread holding a GIL, and since when it has held it without a break.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holder {
    pub thread: ThreadId,
    /// The tick at which it took the GIL.
    pub since: Tick,
}

/// A thread that wants the GIL and does not have it, and since when it has waited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Waiter {
    pub thread: ThreadId,
    /// The first tick it spent waiting.
    pub since: Tick,
}

/// What a [`GilPolicy`] sees at the start of a tick.
#[derive(Clone, Copy, Debug)]
pub struct LockView<'a> {
    /// The tick about to run.
    pub now: Tick,
    /// The thread that held the GIL in the previous tick, if it still wants it. A holder that
    /// finished or started blocking I/O has already released the GIL and is not shown.
    pub holder: Option<Holder>,
    /// Threads waiting for the GIL: the longest-waiting first (ties: the lower id first).
    pub waiters: &'a [Waiter],
    /// The last thread that held the GIL, even if it let go of it since.
    pub last_holder: Option<ThreadId>,
}

impl LockView<'_> {
    /// How many ticks the current holder has held the GIL without a break.
    pub fn held_for(&self) -> Option<Tick> {
        self.holder.map(|holder| self.now - holder.since)
    }

    /// Whether `thread` wants the GIL this tick (it holds it or waits for it).
    pub fn wants(&self, thread: ThreadId) -> bool {
        self.holder.is_some_and(|holder| holder.thread == thread)
            || self.waiters.iter().any(|waiter| waiter.thread == thread)
    }
}

/// The switching rules of one process's GIL.
///
/// The scheduler calls [`choose`](GilPolicy::choose) at the start of every tick in which some
/// thread of the process wants the GIL. The answer must be the holder, one of the waiters, or
/// `None` (nobody runs Python in that tick, as while a woken thread is still getting a core).
pub trait GilPolicy: Send {
    /// A short name for timelines and error messages.
    fn name(&self) -> String;

    /// Who holds the GIL during the tick `view.now`.
    fn choose(&mut self, view: &LockView<'_>) -> Option<ThreadId>;

    /// Notes made since the last call, to draw on the timeline. Most policies have none.
    fn take_notes(&mut self) -> Vec<Note> {
        Vec::new()
    }
}

/// The plainest lock: the holder keeps the GIL until it blocks or finishes, then the thread
/// that has waited longest gets it. Fair between waiters, but a CPU-bound holder never lets go.
#[derive(Clone, Copy, Debug, Default)]
pub struct HoldUntilBlocked;

impl GilPolicy for HoldUntilBlocked {
    fn name(&self) -> String {
        "hold until blocked".to_owned()
    }

    fn choose(&mut self, view: &LockView<'_>) -> Option<ThreadId> {
        match view.holder {
            Some(holder) => Some(holder.thread),
            None => view.waiters.first().map(|waiter| waiter.thread),
        }
    }
}
