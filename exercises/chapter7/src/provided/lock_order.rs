//! Provided for exercise 7.6: bank accounts whose locks keep a record of who holds and who waits.
//!
//! `Account::lock` behaves like `Mutex::lock`, with one difference: a lock that could never be
//! granted (its holder waits, directly or through other threads, for a lock the caller holds)
//! ends the calling thread with a [`Deadlock`] report instead of hanging it for ever. The record
//! also notes every release, so that a test can check the balances while transfers run, not only
//! at the end. You do not need to change anything here.

use std::ops::{Deref, DerefMut};
use std::panic;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::{self, ThreadId};
use std::time::Duration;

/// A bank account behind a lock of its own.
pub struct Account {
    pub id: u32,
    /// Tells this account apart from every other in the process, whatever its `id`.
    key: u64,
    balance: Mutex<i64>,
}

/// The locked balance of one account; the lock is released when this is dropped.
pub struct Held<'a> {
    account: &'a Account,
    balance: MutexGuard<'a, i64>,
}

/// Why a lock was refused: the threads in `cycle` each held one account and waited for the next
/// one's, around a circle, so none of them could ever go on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadlock {
    /// (account held, account waited for), one pair per thread, starting with the refused one.
    pub cycle: Vec<(u32, u32)>,
}

/// One release of an account's lock, as the record saw it.
#[derive(Clone, Copy, Debug)]
pub struct Release {
    pub account: u32,
    /// The balance the releasing thread left behind.
    pub balance: i64,
    /// Whether the releasing thread still held another account's lock.
    pub still_holding: bool,
}

/// Who holds which account, who waits for which, and every release, across the process.
struct Record {
    /// (account key, account id, holder)
    holders: Vec<(u64, u32, ThreadId)>,
    /// (waiting thread, account key)
    waiting: Vec<(ThreadId, u64)>,
    /// (account key, release)
    releases: Vec<(u64, Release)>,
}

static RECORD: Mutex<Record> = Mutex::new(Record {
    holders: Vec::new(),
    waiting: Vec::new(),
    releases: Vec::new(),
});
/// Signalled on every change of the record.
static CHANGED: Condvar = Condvar::new();
static NEXT_KEY: AtomicU64 = AtomicU64::new(0);

fn record() -> MutexGuard<'static, Record> {
    RECORD.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Record {
    fn holder(&self, key: u64) -> Option<(u32, ThreadId)> {
        self.holders
            .iter()
            .find(|(held, ..)| *held == key)
            .map(|&(_, id, thread)| (id, thread))
    }

    fn awaited_by(&self, thread: ThreadId) -> Option<u64> {
        self.waiting
            .iter()
            .find(|(waiter, _)| *waiter == thread)
            .map(|&(_, key)| key)
    }

    /// Follows "held by, who waits for" from `wanted`: a chain back to `me` is a deadlock.
    fn cycle(&self, me: ThreadId, wanted: u64) -> Option<Deadlock> {
        // The accounts along the chain: `me` wants the first, each holder wants the next.
        let mut chain = Vec::new();
        let mut key = wanted;
        for _ in 0..=self.holders.len() {
            let (id, holder) = self.holder(key)?;
            chain.push(id);
            if holder == me {
                // Each thread holds the account the previous one wants; `me` holds the last.
                let held = chain.iter().cycle().skip(chain.len() - 1);
                let cycle = held.zip(&chain).map(|(&held, &wants)| (held, wants));
                return Some(Deadlock {
                    cycle: cycle.collect(),
                });
            }
            key = self.awaited_by(holder)?;
        }
        None
    }
}

impl Account {
    pub fn new(id: u32, balance: i64) -> Self {
        Self {
            id,
            key: NEXT_KEY.fetch_add(1, Ordering::SeqCst),
            balance: Mutex::new(balance),
        }
    }

    /// Locks the balance, waiting while another thread holds it. If waiting could never end (a
    /// deadlock), the calling thread is ended with a [`Deadlock`] report instead.
    pub fn lock(&self) -> Held<'_> {
        let me = thread::current().id();
        {
            let mut record = record();
            if let Some(deadlock) = record.cycle(me, self.key) {
                drop(record);
                // Unwinds this thread (releasing what it holds) without a panic message.
                panic::resume_unwind(Box::new(deadlock));
            }
            record.waiting.push((me, self.key));
            CHANGED.notify_all();
        }
        let balance = self.balance.lock().unwrap_or_else(PoisonError::into_inner);
        let mut record = record();
        record.waiting.retain(|(waiter, _)| *waiter != me);
        record.holders.push((self.key, self.id, me));
        CHANGED.notify_all();
        Held {
            account: self,
            balance,
        }
    }

    pub fn balance(&self) -> i64 {
        *self.lock()
    }
}

/// Every release of the locks of `accounts` so far, in the order they happened.
pub fn releases(accounts: &[&Account]) -> Vec<Release> {
    record()
        .releases
        .iter()
        .filter(|(key, _)| accounts.iter().any(|account| account.key == *key))
        .map(|&(_, release)| release)
        .collect()
}

/// Waits until `ready(w)` holds, where `w` is the number of threads waiting for a lock of one
/// of `accounts` that another thread holds; checks again on every change of the record and after every [`notify`], and
/// gives up after `limit`. Returns whether `ready` held.
pub fn wait_until(
    limit: Duration,
    accounts: &[&Account],
    mut ready: impl FnMut(usize) -> bool,
) -> bool {
    let keys: Vec<u64> = accounts.iter().map(|account| account.key).collect();
    let record = record();
    let (_record, timeout) = CHANGED
        .wait_timeout_while(record, limit, |record| {
            // Only a wait for a lock that is held counts: every lock() passes through the
            // record as a waiter, if only for an instant on its way to a free lock.
            let waiters = record
                .waiting
                .iter()
                .filter(|&&(_, key)| keys.contains(&key) && record.holder(key).is_some())
                .count();
            !ready(waiters)
        })
        .unwrap_or_else(PoisonError::into_inner);
    !timeout.timed_out()
}

/// Wakes every [`wait_until`], so that it checks its condition again.
pub fn notify() {
    let _record = record();
    CHANGED.notify_all();
}

impl Deref for Held<'_> {
    type Target = i64;

    fn deref(&self) -> &i64 {
        &self.balance
    }
}

impl DerefMut for Held<'_> {
    fn deref_mut(&mut self) -> &mut i64 {
        &mut self.balance
    }
}

impl Drop for Held<'_> {
    fn drop(&mut self) {
        let me = thread::current().id();
        let mut record = record();
        let key = self.account.key;
        record
            .holders
            .retain(|&(held, _, holder)| !(held == key && holder == me));
        let still_holding = record.holders.iter().any(|&(.., holder)| holder == me);
        let release = Release {
            account: self.account.id,
            balance: *self.balance,
            still_holding,
        };
        record.releases.push((key, release));
        CHANGED.notify_all();
        // The balance's own guard is released right after this, with the record up to date.
    }
}
