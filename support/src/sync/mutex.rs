//! `Mutex` and `MutexGuard`: std's, or loom's inside a model.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::{LockResult, PoisonError, TryLockError, TryLockResult};

/// A mutual-exclusion lock with std's API (`lock` returns a `LockResult`).
pub struct Mutex<T> {
    inner: Inner<T>,
}

enum Inner<T> {
    Std(std::sync::Mutex<T>),
    #[cfg(feature = "loom")]
    Loom(loom::sync::Mutex<T>),
}

/// Holds a [`Mutex`] locked; dropping it unlocks.
#[must_use = "the lock is released as soon as the guard is dropped"]
pub struct MutexGuard<'a, T> {
    pub(super) mutex: &'a Mutex<T>,
    pub(super) inner: Guard<'a, T>,
}

pub(super) enum Guard<'a, T> {
    Std(std::sync::MutexGuard<'a, T>),
    #[cfg(feature = "loom")]
    Loom(loom::sync::MutexGuard<'a, T>),
}

impl<T> Mutex<T> {
    pub fn new(value: T) -> Self {
        #[cfg(feature = "loom")]
        if super::in_model() {
            return Self {
                inner: Inner::Loom(loom::sync::Mutex::new(value)),
            };
        }
        Self {
            inner: Inner::Std(std::sync::Mutex::new(value)),
        }
    }

    /// Blocks until the lock is free and takes it. `Err` means another thread panicked while
    /// holding it; the guard is inside (`.unwrap_or_else(|poison| poison.into_inner())`).
    pub fn lock(&self) -> LockResult<MutexGuard<'_, T>> {
        match &self.inner {
            Inner::Std(mutex) => {
                // Counted for tests that watch for threads that wait by spinning (`watch`).
                super::watch::count_lock();
                self.wrap(mutex.lock().map_or_else(
                    |poison| Err(Guard::Std(poison.into_inner())),
                    |guard| Ok(Guard::Std(guard)),
                ))
            }
            #[cfg(feature = "loom")]
            Inner::Loom(mutex) => self.wrap(mutex.lock().map_or_else(
                |poison| Err(Guard::Loom(poison.into_inner())),
                |guard| Ok(Guard::Loom(guard)),
            )),
        }
    }

    /// Takes the lock only if it is free right now.
    pub fn try_lock(&self) -> TryLockResult<MutexGuard<'_, T>> {
        fn split<G, T>(
            result: TryLockResult<G>,
            wrap: impl Fn(G) -> T,
        ) -> Result<Result<T, T>, ()> {
            match result {
                Ok(guard) => Ok(Ok(wrap(guard))),
                Err(TryLockError::Poisoned(poison)) => Ok(Err(wrap(poison.into_inner()))),
                Err(TryLockError::WouldBlock) => Err(()),
            }
        }
        let taken = match &self.inner {
            Inner::Std(mutex) => split(mutex.try_lock(), Guard::Std),
            #[cfg(feature = "loom")]
            Inner::Loom(mutex) => split(mutex.try_lock(), Guard::Loom),
        };
        match taken {
            Ok(result) => self.wrap(result).map_err(TryLockError::Poisoned),
            Err(()) => Err(TryLockError::WouldBlock),
        }
    }

    /// The value, once nobody can lock it any more.
    pub fn into_inner(self) -> LockResult<T> {
        match self.inner {
            Inner::Std(mutex) => mutex.into_inner(),
            #[cfg(feature = "loom")]
            Inner::Loom(mutex) => mutex.into_inner(),
        }
    }

    fn wrap<'a>(
        &'a self,
        result: Result<Guard<'a, T>, Guard<'a, T>>,
    ) -> LockResult<MutexGuard<'a, T>> {
        let guard = |inner| MutexGuard { mutex: self, inner };
        result
            .map(guard)
            .map_err(|inner| PoisonError::new(guard(inner)))
    }
}

impl<T: Default> Default for Mutex<T> {
    fn default() -> Self {
        Self::new(T::default())
    }
}

impl<T> fmt::Debug for Mutex<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mutex").finish_non_exhaustive()
    }
}

impl<T> Deref for MutexGuard<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        match &self.inner {
            Guard::Std(guard) => guard,
            #[cfg(feature = "loom")]
            Guard::Loom(guard) => guard,
        }
    }
}

impl<T> DerefMut for MutexGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        match &mut self.inner {
            Guard::Std(guard) => guard,
            #[cfg(feature = "loom")]
            Guard::Loom(guard) => guard,
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for MutexGuard<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}
