//! The small drills under loom: every interleaving of one short run, not just the ones the
//! operating system happens to produce. Run with `cargo test -p chapter8 --features loom`.
//!
//! Loom replaces `crate::sync`'s Mutex and Condvar with its own, runs the model below again and
//! again, and at each synchronisation point tries every thread that could run next. A deadlock
//! in any interleaving fails the test with "deadlock", a wrong order with the assertion's message.
//! (What the tests write down on the side goes through std's Mutex: that is observation, not
//! part of the model, and adds no interleavings.)

use std::sync::Mutex as Record;
use std::time::Duration;

use chapter8::bounded_queue::BoundedQueue;
use chapter8::dining_philosophers::DiningTable;
use chapter8::foo_bar::FooBar;
use chapter8::in_order::InOrder;
// std's Arc, not loom's: when loom reports a deadlock it unwinds, and dropping a loom Arc during
// that unwinding aborts the whole test binary (tokio-rs/loom issue 291). Leaks are not what
// these tests look for.
use loom::thread;
use std::sync::Arc;
use support::Exercise;

/// Loom explores thousands of interleavings in a debug build: give it more time than a normal
/// test. A real deadlock is reported by loom itself, at once.
const LOOM_LIMIT: Duration = Duration::from_secs(120);

#[test]
fn in_order_prints_in_order_in_every_interleaving() {
    const EXERCISE: Exercise = Exercise::new("8.1", "ch08/01-in-order.md");
    EXERCISE.run_within(LOOM_LIMIT, || {
        loom::model(|| {
            let in_order = Arc::new(InOrder::new());
            let printed = Arc::new(Record::new(Vec::new()));
            let third = {
                let (in_order, printed) = (Arc::clone(&in_order), Arc::clone(&printed));
                thread::spawn(move || in_order.third(|| printed.lock().unwrap().push("third")))
            };
            let second = {
                let (in_order, printed) = (Arc::clone(&in_order), Arc::clone(&printed));
                thread::spawn(move || in_order.second(|| printed.lock().unwrap().push("second")))
            };
            in_order.first(|| printed.lock().unwrap().push("first"));
            third.join().unwrap();
            second.join().unwrap();
            let printed = printed.lock().unwrap().join(" ");
            assert_eq!(
                printed, "first second third",
                "an interleaving printed out of order"
            );
        });
    });
}

#[test]
fn foo_bar_alternates_in_every_interleaving() {
    const EXERCISE: Exercise = Exercise::new("8.2", "ch08/02-foo-bar.md");
    EXERCISE.run_within(LOOM_LIMIT, || {
        loom::model(|| {
            let foo_bar = Arc::new(FooBar::new(2));
            let printed = Arc::new(Record::new(String::new()));
            let bar = {
                let (foo_bar, printed) = (Arc::clone(&foo_bar), Arc::clone(&printed));
                thread::spawn(move || foo_bar.bar(|| printed.lock().unwrap().push_str("bar")))
            };
            foo_bar.foo(|| printed.lock().unwrap().push_str("foo"));
            bar.join().unwrap();
            let printed = printed.lock().unwrap().clone();
            assert_eq!(printed, "foobarfoobar", "an interleaving did not alternate");
        });
    });
}

#[test]
fn a_queue_of_one_never_overfills_and_keeps_order_in_every_interleaving() {
    const EXERCISE: Exercise = Exercise::new("8.7", "ch08/07-bounded-queue.md");
    EXERCISE.run_within(LOOM_LIMIT, || {
        loom::model(|| {
            let queue = Arc::new(BoundedQueue::new(1));
            let producer = {
                let queue = Arc::clone(&queue);
                thread::spawn(move || {
                    for item in [1, 2] {
                        queue.push(item);
                        assert!(queue.len() <= 1, "a queue of capacity 1 held two items");
                    }
                })
            };
            let first = queue.pop();
            let second = queue.pop();
            producer.join().unwrap();
            assert_eq!((first, second), (1, 2), "items came out in the wrong order");
        });
    });
}

#[test]
fn three_philosophers_never_deadlock_in_any_interleaving() {
    const EXERCISE: Exercise = Exercise::new("8.6", "ch08/06-dining-philosophers.md");
    const PHILOSOPHERS: usize = 3;
    EXERCISE.run_within(LOOM_LIMIT, || {
        loom::model(|| {
            let table = Arc::new(DiningTable::new(PHILOSOPHERS));
            let holders = Arc::new(Record::new([None::<usize>; PHILOSOPHERS]));
            let dine = move |table: Arc<DiningTable>,
                             holders: Arc<Record<[Option<usize>; 3]>>,
                             p: usize| {
                let (left, right) = (p, (p + 1) % PHILOSOPHERS);
                let take = |fork: usize| {
                    let mut holders = holders.lock().unwrap();
                    assert!(
                        holders[fork].is_none(),
                        "fork {fork} was in two hands at once"
                    );
                    holders[fork] = Some(p);
                };
                let give_back = |fork: usize| holders.lock().unwrap()[fork] = None;
                table.wants_to_eat(
                    p,
                    || take(left),
                    || take(right),
                    || {},
                    || give_back(left),
                    || give_back(right),
                );
            };
            let others: Vec<_> = (1..PHILOSOPHERS)
                .map(|p| {
                    let (table, holders) = (Arc::clone(&table), Arc::clone(&holders));
                    thread::spawn(move || dine(table, holders, p))
                })
                .collect();
            dine(Arc::clone(&table), Arc::clone(&holders), 0);
            for other in others {
                other.join().unwrap();
            }
        });
    });
}
