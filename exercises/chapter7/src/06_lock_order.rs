//! Exercise 7.6: a lock-order deadlock.
//! Book: src/ch07/06-lock-order.md
//! Starter code: runs, with a mistake to find.
//!
//! Find and fix. `transfer` moves money between two accounts, each behind a lock of its own
//! (`Account` is provided, in `provided/lock_order.rs`). Run on its own, it works. Run
//! `transfer(a, b, ..)` and `transfer(b, a, ..)` at the same moment, and sometimes neither
//! returns. The GIL would not help: Python threads stop in just this way on `threading.Lock`s.
//! Make any number of transfers, in any directions, safe to run at the same time, with both
//! balances changed while both locks are held.
//!
//! `between_locks` is a hook for the test: call it after taking the first lock and before taking
//! the second. The test uses it to make the two transfers meet there, so a transfer that can get
//! stuck does so on every run. Instead of hanging, `Account::lock` then reports the threads that
//! were waiting for each other. The test also checks the two balances every time a transfer lets
//! go of its last lock: their total must never change. It cannot see transfers that the hook does
//! not line up.

pub use crate::provided::lock_order::Account;

/// Moves `amount` from `from` to `to`, holding both locks while the balances change.
pub fn transfer(from: &Account, to: &Account, amount: i64, between_locks: impl FnOnce()) {
    let mut from_balance = from.lock();
    between_locks();
    let mut to_balance = to.lock();
    *from_balance -= amount;
    *to_balance += amount;
}
