//! Exercise 7.6: a lock-order deadlock (book: src/ch07/06-lock-order.md).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use chapter7::lock_order::{Account, transfer};
use support::Exercise;

const EXERCISE: Exercise = Exercise::new("7.6", "ch07/06-lock-order.md").with_hang_hint(
    "mistake still present (a lock-order deadlock): one transfer holds account 1 and waits for \
     account 2 while the other holds account 2 and waits for account 1; take the two locks in \
     one global order, the lower account id first",
);

/// Bounds the wait in `between_locks` for threads that can never meet there.
const MEETING_LIMIT: Duration = Duration::from_secs(3);

#[test]
fn opposite_transfers_at_the_same_moment_finish() {
    let accounts = Arc::new([Account::new(1, 100), Account::new(2, 100)]);
    let shared = Arc::clone(&accounts);
    let hook_calls = EXERCISE.run(move || {
        let [a, b] = &*shared;
        let between_locks_calls = AtomicUsize::new(0);
        // Holding its first lock, each transfer waits here until the other also holds one, or
        // is already waiting for a lock (correct code: it waits for the first lock the other
        // holds). So a transfer that can deadlock does so on every run.
        let meet = || {
            between_locks_calls.fetch_add(1, Ordering::SeqCst);
            let started = Instant::now();
            while between_locks_calls.load(Ordering::SeqCst) < 2
                && a.waits() + b.waits() == 0
                && started.elapsed() < MEETING_LIMIT
            {
                thread::yield_now();
            }
        };
        thread::scope(|scope| {
            scope.spawn(|| transfer(a, b, 10, meet));
            scope.spawn(|| transfer(b, a, 30, meet));
        });
        between_locks_calls.into_inner()
    });
    EXERCISE.check(
        hook_calls == 2,
        format!(
            "between_locks was called {hook_calls} times for 2 transfers: call it once per \
             transfer, after taking the first lock (the test needs it to line the threads up)"
        ),
    );
    let [a, b] = &*accounts;
    let (balance_a, balance_b) = (a.balance(), b.balance());
    EXERCISE.check(
        (balance_a, balance_b) == (120, 80),
        format!(
            "after moving 10 from account 1 to 2 and 30 from 2 to 1, the balances are \
             ({balance_a}, {balance_b}), expected (120, 80): move `amount` from `from` to `to`"
        ),
    );
    EXERCISE.answer_key(|| insta::assert_snapshot!(format!(
        "account  before  after\n      1     100  {balance_a:>5}\n      2     100  {balance_b:>5}\n"
    )));
}
