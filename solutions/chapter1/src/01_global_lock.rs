//! Exercise 1.1: a global interpreter lock.
//! Book: src/ch01/01-global-lock.md

use crate::sync::MutexGuard;

pub use crate::provided::global_lock::{Gil, GilGuard};

impl Gil {
    // ANCHOR: acquire
    /// Blocks until the GIL is free, takes it, and returns the guard that gives it back.
    pub fn acquire(&self) -> GilGuard<'_> {
        let mut locked = self.flag();
        // A loop, not an `if`: a condition variable may wake a thread spuriously, and another
        // thread may have taken the GIL between the notification and this thread waking up.
        while *locked {
            locked = self
                .released
                .wait(locked)
                .unwrap_or_else(|poison| poison.into_inner());
        }
        *locked = true;
        GilGuard { gil: self }
    }

    /// Takes the GIL only if it is free right now.
    pub fn try_acquire(&self) -> Option<GilGuard<'_>> {
        let mut locked = self.flag();
        if *locked {
            return None;
        }
        *locked = true;
        Some(GilGuard { gil: self })
    }

    /// Gives the GIL back and wakes one waiting thread. Only a guard calls this.
    pub(crate) fn release(&self) {
        *self.flag() = false;
        // One waiter is enough: only one thread can take the GIL anyway.
        self.released.notify_one();
    }
    // ANCHOR_END: acquire

    /// The flag, even if a thread panicked while holding the mutex: the flag itself is
    /// always left consistent, because every critical section here is a single assignment.
    fn flag(&self) -> MutexGuard<'_, bool> {
        self.locked
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }
}
