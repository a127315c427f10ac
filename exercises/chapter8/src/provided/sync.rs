//! Provided: the `Mutex` and `Condvar` the drills use. Write `use super::sync::{Condvar, Mutex};`.
//!
//! They behave like std's, with two differences that make the tests deterministic:
//! - `Condvar::wait` may return without a notification ("spurious wake-up"), as the standard
//!   allows, on a fixed schedule: every thread's first wait returns at once, its second blocks, its
//!   third returns at once, and so on. Code that re-checks its condition in a `while` loop never
//!   notices; code with an `if` fails every run instead of once in a blue moon.
//! - `notify_one` wakes the thread that has waited longest, always; and the tests can ask which
//!   threads are blocked in a wait that no notification has ended yet ([`is_waiting`]): they start
//!   the next thread only once the previous one is waiting, and report a lost wake-up (every
//!   thread waiting, nobody left to notify) at once.
//!
//! The library compiles drills 8.1 to 8.8 a second time, in `under_loom`, against [`loom`]'s
//! types: `super::sync` there is this module's [`loom`] part, and the tests run loom's model
//! checker over every interleaving of a small run. So take everything that threads share from
//! here, not from `std`: `Mutex`, `Condvar`, and for the thread pool `Arc`, `mpsc` and `thread`.

use std::cell::Cell;
use std::collections::{HashSet, VecDeque};
use std::ops::{Deref, DerefMut};
use std::panic;
use std::sync::{LockResult, PoisonError};
use std::thread::ThreadId;
use std::time::Duration;

/// std's, also under loom: loom's `Arc` aborts the test binary when a failing model unwinds
/// (tokio-rs/loom issue 291), and leaks are not what these drills are about.
pub use std::sync::Arc;
pub use std::sync::mpsc;
pub use std::thread;

/// A mutual-exclusion lock: std's, with a guard that [`Condvar::wait`] can release and retake.
#[derive(Debug, Default)]
pub struct Mutex<T> {
    inner: std::sync::Mutex<T>,
}

/// Access to the data of a locked [`Mutex`]; unlocks when dropped.
pub struct MutexGuard<'a, T> {
    mutex: &'a Mutex<T>,
    inner: std::sync::MutexGuard<'a, T>,
}

impl<T> Mutex<T> {
    pub const fn new(value: T) -> Self {
        Self {
            inner: std::sync::Mutex::new(value),
        }
    }

    pub fn lock(&self) -> LockResult<MutexGuard<'_, T>> {
        let wrap = |inner| MutexGuard { mutex: self, inner };
        self.inner
            .lock()
            .map(wrap)
            .map_err(|poisoned| PoisonError::new(wrap(poisoned.into_inner())))
    }

    pub fn into_inner(self) -> LockResult<T> {
        self.inner.into_inner()
    }

    pub fn get_mut(&mut self) -> LockResult<&mut T> {
        self.inner.get_mut()
    }
}

impl<T> Deref for MutexGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.inner
    }
}

impl<T> DerefMut for MutexGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.inner
    }
}

/// A condition variable: wait until another thread changes the state and notifies.
#[derive(Debug, Default)]
pub struct Condvar {
    waiters: std::sync::Mutex<Waiters>,
    woken: std::sync::Condvar,
}

/// Threads blocked in [`Condvar::wait`], oldest first, and the tickets notified but not yet seen.
#[derive(Debug, Default)]
struct Waiters {
    next_ticket: u64,
    queue: VecDeque<(u64, ThreadId)>,
    notified: HashSet<u64>,
}

impl Condvar {
    pub fn new() -> Self {
        Self::default()
    }

    /// Releases the lock, waits for a notification, and takes the lock again. May also return
    /// without one (see the module documentation): check your condition again in a loop.
    pub fn wait<'a, T>(&self, guard: MutexGuard<'a, T>) -> LockResult<MutexGuard<'a, T>> {
        if spurious_wake_up_now() {
            return Ok(guard);
        }
        let me = thread::current().id();
        let ticket = {
            let mut waiters = lock(&self.waiters);
            let ticket = waiters.next_ticket;
            waiters.next_ticket += 1;
            waiters.queue.push_back((ticket, me));
            ticket
        };
        lock(&BLOCKED).push(me);
        let MutexGuard { mutex, inner } = guard;
        drop(inner);
        let mut waiters = lock(&self.waiters);
        while !waiters.notified.remove(&ticket) {
            if lock(&ABANDONED).contains(&me) {
                // The tests found every thread waiting with nobody left to notify: end this one.
                // `resume_unwind` skips the panic hook: the test reports the lost wake-up itself.
                drop(waiters);
                lock(&BLOCKED).retain(|&blocked| blocked != me);
                panic::resume_unwind(Box::new(Abandoned));
            }
            // The timeout only lets an abandoned thread notice; it is not a wake-up. Rare, so
            // that a stuck thread uses next to no CPU (the watchdog tells stuck by that).
            waiters = self
                .woken
                .wait_timeout(waiters, Duration::from_millis(200))
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        drop(waiters);
        mutex.lock()
    }

    /// Waits while `condition` holds, re-checking it after every wake-up.
    pub fn wait_while<'a, T>(
        &self,
        guard: MutexGuard<'a, T>,
        condition: impl FnMut(&mut T) -> bool,
    ) -> LockResult<MutexGuard<'a, T>> {
        wait_while(guard, condition, |guard| self.wait(guard))
    }

    /// Wakes the thread that has waited longest, if any.
    pub fn notify_one(&self) {
        let mut waiters = lock(&self.waiters);
        if let Some((ticket, thread)) = waiters.queue.pop_front() {
            waiters.notified.insert(ticket);
            lock(&BLOCKED).retain(|&blocked| blocked != thread);
        }
        self.woken.notify_all();
    }

    /// Wakes every waiting thread.
    pub fn notify_all(&self) {
        let mut waiters = lock(&self.waiters);
        let woken: Vec<(u64, ThreadId)> = waiters.queue.drain(..).collect();
        let mut blocked = lock(&BLOCKED);
        for (ticket, thread) in woken {
            waiters.notified.insert(ticket);
            blocked.retain(|&blocked| blocked != thread);
        }
        self.woken.notify_all();
    }
}

/// Threads blocked in a [`Condvar::wait`] that no notification has ended yet.
static BLOCKED: std::sync::Mutex<Vec<ThreadId>> = std::sync::Mutex::new(Vec::new());
/// Threads the tests gave up on: their wait ends with an [`Abandoned`] unwind.
static ABANDONED: std::sync::Mutex<Vec<ThreadId>> = std::sync::Mutex::new(Vec::new());

/// The unwind payload of a thread ended by [`abandon_if_all_waiting`].
pub struct Abandoned;

/// For the tests: whether `thread` is blocked in a wait that no notification has ended.
pub fn is_waiting(thread: ThreadId) -> bool {
    lock(&BLOCKED).contains(&thread)
}

/// For the tests: if every one of `threads` is blocked in a wait that no notification has ended,
/// at one and the same moment, none of them can ever wake the others: ends their waits (they
/// unwind with [`Abandoned`]) and returns true.
pub fn abandon_if_all_waiting(threads: &[ThreadId]) -> bool {
    let blocked = lock(&BLOCKED);
    if threads.is_empty() || !threads.iter().all(|thread| blocked.contains(thread)) {
        return false;
    }
    lock(&ABANDONED).extend_from_slice(threads);
    true
}

thread_local! {
    static WAITS_SO_FAR: Cell<u64> = const { Cell::new(0) };
}

/// Whether this wait of the current thread is spurious: see [`spurious_by_schedule`].
fn spurious_wake_up_now() -> bool {
    WAITS_SO_FAR.with(spurious_by_schedule)
}

/// The fixed schedule of spurious wake-ups, for both condition variables: counts a wait in
/// `waits_so_far` (the thread's own count), and its 1st, 3rd, 5th... wait returns at once.
fn spurious_by_schedule(waits_so_far: &Cell<u64>) -> bool {
    let so_far = waits_so_far.get();
    waits_so_far.set(so_far + 1);
    so_far.is_multiple_of(2)
}

/// `wait_while` for both condition variables, given one's `wait`.
fn wait_while<G: DerefMut>(
    mut guard: G,
    mut condition: impl FnMut(&mut G::Target) -> bool,
    wait: impl Fn(G) -> LockResult<G>,
) -> LockResult<G> {
    while condition(&mut *guard) {
        guard = wait(guard)?;
    }
    Ok(guard)
}

/// Locks one of this module's own mutexes; they guard no invariant a panic could break.
fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The same types for loom's model checker: loom's `Mutex`, and a `Condvar` with the same
/// schedule of spurious wake-ups (loom itself never wakes a thread spuriously).
pub mod loom {
    use std::cell::Cell;
    use std::sync::LockResult;

    pub use ::loom::sync::{Mutex, MutexGuard};
    pub use ::loom::thread;
    pub use std::sync::Arc;

    #[derive(Debug, Default)]
    pub struct Condvar {
        inner: ::loom::sync::Condvar,
    }

    ::loom::thread_local! {
        static WAITS_SO_FAR: Cell<u64> = Cell::new(0);
    }

    impl Condvar {
        pub fn new() -> Self {
            Self::default()
        }

        pub fn wait<'a, T>(&self, guard: MutexGuard<'a, T>) -> LockResult<MutexGuard<'a, T>> {
            if WAITS_SO_FAR.with(super::spurious_by_schedule) {
                return Ok(guard);
            }
            self.inner.wait(guard)
        }

        pub fn wait_while<'a, T>(
            &self,
            guard: MutexGuard<'a, T>,
            condition: impl FnMut(&mut T) -> bool,
        ) -> LockResult<MutexGuard<'a, T>> {
            super::wait_while(guard, condition, |guard| self.wait(guard))
        }

        pub fn notify_one(&self) {
            self.inner.notify_one();
        }

        pub fn notify_all(&self) {
            self.inner.notify_all();
        }
    }

    /// A channel with std's API, built from loom's `Mutex` and this `Condvar`: loom's own
    /// `mpsc` never reports that every sender is gone, and a pool shuts down by exactly that.
    pub mod mpsc {
        use std::collections::VecDeque;
        use std::sync::Arc;

        pub use std::sync::mpsc::{RecvError, SendError};

        use super::{Condvar, Mutex};

        struct Channel<T> {
            state: Mutex<State<T>>,
            changed: Condvar,
        }

        struct State<T> {
            items: VecDeque<T>,
            senders: usize,
            receiver_alive: bool,
        }

        pub struct Sender<T>(Arc<Channel<T>>);
        pub struct Receiver<T>(Arc<Channel<T>>);

        pub fn channel<T>() -> (Sender<T>, Receiver<T>) {
            let state = State {
                items: VecDeque::new(),
                senders: 1,
                receiver_alive: true,
            };
            let channel = Arc::new(Channel {
                state: Mutex::new(state),
                changed: Condvar::new(),
            });
            (Sender(Arc::clone(&channel)), Receiver(channel))
        }

        impl<T> Sender<T> {
            pub fn send(&self, item: T) -> Result<(), SendError<T>> {
                let mut state = self.0.state.lock().unwrap();
                if !state.receiver_alive {
                    return Err(SendError(item));
                }
                state.items.push_back(item);
                self.0.changed.notify_all();
                Ok(())
            }
        }

        impl<T> Clone for Sender<T> {
            fn clone(&self) -> Self {
                self.0.state.lock().unwrap().senders += 1;
                Self(Arc::clone(&self.0))
            }
        }

        impl<T> Drop for Sender<T> {
            fn drop(&mut self) {
                // While a failing model unwinds, loom's state may be gone: touch nothing.
                if std::thread::panicking() {
                    return;
                }
                self.0.state.lock().unwrap().senders -= 1;
                self.0.changed.notify_all();
            }
        }

        impl<T> Receiver<T> {
            /// The next item; `Err` once the channel is empty and every sender is gone.
            pub fn recv(&self) -> Result<T, RecvError> {
                let mut state = self.0.state.lock().unwrap();
                loop {
                    if let Some(item) = state.items.pop_front() {
                        return Ok(item);
                    }
                    if state.senders == 0 {
                        return Err(RecvError);
                    }
                    state = self.0.changed.wait(state).unwrap();
                }
            }
        }

        impl<T> Drop for Receiver<T> {
            fn drop(&mut self) {
                if std::thread::panicking() {
                    return;
                }
                self.0.state.lock().unwrap().receiver_alive = false;
            }
        }
    }
}
