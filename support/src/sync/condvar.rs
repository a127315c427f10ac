//! `Condvar`: std's, or loom's inside a model, with spurious wake-ups on a fixed schedule.

use std::fmt;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{LockResult, PoisonError};

use super::mutex::{Guard, MutexGuard};
use super::thread::{self, ThreadId};

/// One wait in `ONE_IN` returns at once; 0 means never. See [`spurious_wakeups`].
static ONE_IN: AtomicU32 = AtomicU32::new(2);

/// Sets how often [`Condvar::wait`] returns without being notified, for the whole process:
/// wait number 0, `one_in`, `2 * one_in`, ... of each thread on each condition variable returns
/// at once (after letting go of the lock and taking it back, as a real spurious wake-up does).
/// The default, 2, makes the first wait of every thread spurious and every other one after it.
/// 0 turns the injection off (for measurements); 1 is refused, as it would make every wait
/// return at once and a correct `while` loop spin forever.
pub fn spurious_wakeups(one_in: u32) {
    assert!(
        one_in != 1,
        "spurious_wakeups(1) would make every wait return at once"
    );
    ONE_IN.store(one_in, Ordering::Relaxed);
}

/// A condition variable with std's API.
pub struct Condvar {
    inner: Inner,
    /// How many times each thread has waited here. Plain std, not loom: bookkeeping for the
    /// schedule must not add interleavings of its own.
    waits: std::sync::Mutex<Vec<(ThreadId, u32)>>,
}

enum Inner {
    Std(std::sync::Condvar),
    #[cfg(feature = "loom")]
    Loom(loom::sync::Condvar),
}

impl Condvar {
    pub fn new() -> Self {
        #[cfg(feature = "loom")]
        let inner = if super::in_model() {
            Inner::Loom(loom::sync::Condvar::new())
        } else {
            Inner::Std(std::sync::Condvar::new())
        };
        #[cfg(not(feature = "loom"))]
        let inner = Inner::Std(std::sync::Condvar::new());
        Self {
            inner,
            waits: std::sync::Mutex::new(Vec::new()),
        }
    }

    /// Releases the lock, sleeps until notified, and takes the lock again. It may also return
    /// without a notification (see [`spurious_wakeups`]): check the condition again, in a loop.
    pub fn wait<'a, T>(&self, guard: MutexGuard<'a, T>) -> LockResult<MutexGuard<'a, T>> {
        let MutexGuard { mutex, inner } = guard;
        if self.spurious_now() {
            drop(inner);
            return mutex.lock();
        }
        let woken = match (&self.inner, inner) {
            (Inner::Std(condvar), Guard::Std(guard)) => {
                // Marked before the lock is let go: a test that sees the mark and then takes the
                // lock knows this thread is really asleep.
                let _asleep = super::watch::asleep(thread::current().id());
                condvar.wait(guard).map_or_else(
                    |poison| Err(Guard::Std(poison.into_inner())),
                    |guard| Ok(Guard::Std(guard)),
                )
            }
            #[cfg(feature = "loom")]
            (Inner::Loom(condvar), Guard::Loom(guard)) => condvar.wait(guard).map_or_else(
                |poison| Err(Guard::Loom(poison.into_inner())),
                |guard| Ok(Guard::Loom(guard)),
            ),
            #[cfg(feature = "loom")]
            _ => super::mixed_worlds("Condvar or Mutex"),
        };
        let guard = |inner| MutexGuard { mutex, inner };
        woken
            .map(guard)
            .map_err(|inner| PoisonError::new(guard(inner)))
    }

    /// Waits for as long as `condition` holds, checking it before every wait: std's `wait_while`.
    pub fn wait_while<'a, T>(
        &self,
        mut guard: MutexGuard<'a, T>,
        mut condition: impl FnMut(&mut T) -> bool,
    ) -> LockResult<MutexGuard<'a, T>> {
        while condition(&mut guard) {
            guard = self.wait(guard)?;
        }
        Ok(guard)
    }

    /// Wakes one thread waiting here, if any.
    pub fn notify_one(&self) {
        super::watch::count_notify();
        match &self.inner {
            Inner::Std(condvar) => condvar.notify_one(),
            #[cfg(feature = "loom")]
            Inner::Loom(condvar) => condvar.notify_one(),
        }
    }

    /// Wakes every thread waiting here.
    pub fn notify_all(&self) {
        super::watch::count_notify();
        match &self.inner {
            Inner::Std(condvar) => condvar.notify_all(),
            #[cfg(feature = "loom")]
            Inner::Loom(condvar) => condvar.notify_all(),
        }
    }

    /// Counts this wait of the current thread and says whether the schedule makes it spurious.
    fn spurious_now(&self) -> bool {
        let one_in = ONE_IN.load(Ordering::Relaxed);
        let me = thread::current().id();
        let mut waits = self.waits.lock().unwrap_or_else(PoisonError::into_inner);
        let index = match waits.iter().position(|(thread, _)| *thread == me) {
            Some(index) => index,
            None => {
                waits.push((me, 0));
                waits.len() - 1
            }
        };
        let count = &mut waits[index].1;
        let spurious = one_in != 0 && count.is_multiple_of(one_in);
        *count = count.wrapping_add(1);
        spurious
    }
}

impl Default for Condvar {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for Condvar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Condvar").finish_non_exhaustive()
    }
}
