//! Exercise 7.6: a lock-order deadlock.
//! Book: src/ch07/06-lock-order.md
//!
//! Find and fix. `transfer` moves money between two accounts, each behind a lock of its own. It
//! locks the account it takes from, then the account it pays into. Now run
//! `transfer(a, b, ..)` and `transfer(b, a, ..)` at the same time: each thread holds one lock and
//! waits for the other's. Neither ever lets go. The GIL cannot help: Python threads deadlock on
//! `threading.Lock`s in just this way.
//!
//! Fix it with an order: every transfer takes the two locks in the same global order (by
//! account `id`), whichever way the money goes.
//!
//! `between_locks` is a hook for the test: call it after taking the first lock and before taking
//! the second. The test uses it to make both transfers hold their first lock at the same
//! moment, so the deadlock, if the code has it, happens every run; the watchdog then ends the
//! test with a message instead of a hang.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, TryLockError};

/// A bank account behind a lock of its own.
pub struct Account {
    pub id: u32,
    balance: Mutex<i64>,
    /// How often a thread found this account locked and had to wait.
    waits: AtomicUsize,
}

impl Account {
    pub fn new(id: u32, balance: i64) -> Self {
        Self {
            id,
            balance: Mutex::new(balance),
            waits: AtomicUsize::new(0),
        }
    }

    /// Locks the balance, counting a wait if another thread holds it.
    pub fn lock(&self) -> MutexGuard<'_, i64> {
        match self.balance.try_lock() {
            Ok(balance) => balance,
            Err(TryLockError::WouldBlock) => {
                self.waits.fetch_add(1, Ordering::SeqCst);
                self.balance
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
            }
            Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
        }
    }

    /// How often a thread had to wait for this account's lock.
    pub fn waits(&self) -> usize {
        self.waits.load(Ordering::SeqCst)
    }

    pub fn balance(&self) -> i64 {
        *self.lock()
    }
}

// ANCHOR: solution
/// Moves `amount` from `from` to `to`, holding both locks while the balances change.
pub fn transfer(from: &Account, to: &Account, amount: i64, between_locks: impl FnOnce()) {
    // One global order, whichever way the money goes: the lower id is always locked first.
    let (first, second) = if from.id < to.id {
        (from, to)
    } else {
        (to, from)
    };
    let mut first_balance = first.lock();
    between_locks();
    let mut second_balance = second.lock();
    let (from_balance, to_balance) = if from.id < to.id {
        (&mut *first_balance, &mut *second_balance)
    } else {
        (&mut *second_balance, &mut *first_balance)
    };
    *from_balance -= amount;
    *to_balance += amount;
}
// ANCHOR_END: solution
