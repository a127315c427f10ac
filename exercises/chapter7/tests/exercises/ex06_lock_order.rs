//! Exercise 7.6: a lock-order deadlock (book: src/ch07/06-lock-order.md).

use std::any::Any;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use chapter7::lock_order::{Account, transfer};
use chapter7::provided::lock_order::{self as accounts, Deadlock};
use support::Exercise;
use support::exercise::panic_message;
use support::testkit::Table;

const EXERCISE: Exercise = Exercise::new("7.6", "ch07/06-lock-order.md")
    .with_hang_hint("the transfers stopped, each waiting for a lock that another one held");

/// Bounds the wait in `between_locks` for a transfer whose partner can never arrive there.
/// Right code never waits this long: its partner arrives, or queues for a lock, at once.
const MEETING_LIMIT: Duration = Duration::from_secs(2);

/// A transfer: (index of `from`, index of `to`, amount).
type Transfer = (usize, usize, i64);

/// What a run of transfers, all at the same moment, came to.
struct Run {
    /// The stops `Account::lock` found: threads that each held a lock another one wanted.
    deadlocks: Vec<Deadlock>,
    /// Other panics, as one line each.
    panics: Vec<String>,
    between_locks_calls: usize,
    after: Vec<i64>,
}

/// Runs every transfer on a thread of its own. Holding its first lock, each waits in
/// `between_locks` until every transfer got there too, or one queues for a lock: so transfers
/// that can stop each other do so on every run, and the others go straight on.
fn run_at_once(accounts: &[Account], transfers: &[Transfer]) -> Run {
    let watched: Vec<&Account> = accounts.iter().collect();
    let arrived = AtomicUsize::new(0);
    let meet = || {
        arrived.fetch_add(1, Ordering::SeqCst);
        accounts::notify();
        accounts::wait_until(MEETING_LIMIT, &watched, |waiting| {
            waiting > 0 || arrived.load(Ordering::SeqCst) >= transfers.len()
        });
    };
    let outcomes: Vec<Result<(), Box<dyn Any + Send>>> = thread::scope(|scope| {
        let running: Vec<_> = transfers
            .iter()
            .map(|&(from, to, amount)| {
                let (from, to, meet) = (&accounts[from], &accounts[to], &meet);
                scope.spawn(move || transfer(from, to, amount, meet))
            })
            .collect();
        running.into_iter().map(|thread| thread.join()).collect()
    });
    let mut run = Run {
        deadlocks: Vec::new(),
        panics: Vec::new(),
        between_locks_calls: arrived.into_inner(),
        after: accounts.iter().map(Account::balance).collect(),
    };
    for payload in outcomes.into_iter().filter_map(Result::err) {
        match payload.downcast::<Deadlock>() {
            Ok(deadlock) => run.deadlocks.push(*deadlock),
            Err(other) => run.panics.push(panic_message(other.as_ref())),
        }
    }
    run
}

/// "account 1 and waited for account 2, while another held account 2 and waited for account 1"
fn describe(deadlock: &Deadlock) -> String {
    let pairs: Vec<String> = deadlock
        .cycle
        .iter()
        .map(|(held, wanted)| format!("held account {held} and waited for account {wanted}"))
        .collect();
    let joint = if pairs.len() == 2 {
        ", while the other "
    } else {
        ", while another "
    };
    pairs.join(joint)
}

/// Fails unless the run finished cleanly: no deadlock, no panic, the hook called once each.
fn check_finished(run: &Run, transfers: usize) {
    if let Some(deadlock) = run.deadlocks.first() {
        EXERCISE.fail(format!(
            "{} transfers started at the same moment and stopped: one thread {}; none of them \
             could ever go on",
            deadlock.cycle.len(),
            describe(deadlock)
        ));
    }
    if let Some(panic) = run.panics.first() {
        EXERCISE.fail(format!("a transfer panicked: {panic}"));
    }
    EXERCISE.check(
        run.between_locks_calls == transfers,
        format!(
            "between_locks was called {} times for {transfers} transfers: call it once per \
             transfer, after taking the first lock (the test needs it to line the threads up)",
            run.between_locks_calls
        ),
    );
}

#[test]
fn opposite_transfers_at_the_same_moment_finish() {
    let (run, releases) = EXERCISE.run(|| {
        let accounts = [Account::new(1, 100), Account::new(2, 100)];
        let run = run_at_once(&accounts, &[(0, 1, 10), (1, 0, 30)]);
        let [a, b] = &accounts;
        (run, accounts::releases(&[a, b]))
    });
    check_finished(&run, 2);
    // Whenever a transfer lets go of its last lock, others may look: the money must add up.
    let mut left = [100, 100];
    for release in releases {
        left[release.account as usize - 1] = release.balance;
        let total: i64 = left.iter().sum();
        EXERCISE.check(
            release.still_holding || total == 200,
            format!(
                "money went missing during the transfers: when a transfer let go of its last \
                 lock, accounts 1 and 2 held {} and {}, {total} in all instead of 200 (any \
                 other thread could have seen that)",
                left[0], left[1]
            ),
        );
    }
    let (balance_a, balance_b) = (run.after[0], run.after[1]);
    EXERCISE.check(
        (balance_a, balance_b) == (120, 80),
        format!(
            "after moving 10 from account 1 to 2 and 30 from 2 to 1, the balances are \
             ({balance_a}, {balance_b}), expected (120, 80)"
        ),
    );
    let mut table = Table::with_header(["account", "before", "after"]);
    table.row([1, 100, balance_a]).row([2, 100, balance_b]);
    EXERCISE.answer_key(|| insta::assert_snapshot!(table.to_string()));
}

/// Three accounts paying each other around a circle, all at once, with amounts not in the
/// answer key: no two of them may stop each other, and every amount must arrive.
#[test]
fn a_circle_of_transfers_finishes() {
    let amounts = [17, 5, 42];
    let transfers: Vec<Transfer> = (0..3).map(|at| (at, (at + 1) % 3, amounts[at])).collect();
    let scenario = transfers.clone();
    let run = EXERCISE.run(move || {
        let accounts = [
            Account::new(7, 50),
            Account::new(3, 50),
            Account::new(5, 50),
        ];
        run_at_once(&accounts, &scenario)
    });
    check_finished(&run, 3);
    let mut expected = vec![50; 3];
    for (from, to, amount) in transfers {
        expected[from] -= amount;
        expected[to] += amount;
    }
    EXERCISE.check(
        run.after == expected,
        format!(
            "after three transfers around a circle of accounts 7, 3 and 5, the balances are \
             {:?}, expected {expected:?}: move `amount` from `from` to `to`",
            run.after
        ),
    );
}
