//! Exercise 8.7: a bounded blocking queue (book: src/ch08/07-bounded-queue.md).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use chapter8::bounded_queue::BoundedQueue;
use support::Exercise;

use super::every_interleaving;
use super::start_orders::{Start, Task, start};

const EXERCISE: Exercise = Exercise::new("8.7", "ch08/07-bounded-queue.md").with_hang_hint(
    "a producer waits on a full queue (or a consumer on an empty one) and nobody wakes it: \
     does pop wake a waiting producer, and push a waiting consumer?",
);

/// How long the test watches a thread that should be blocked. A correct queue keeps it blocked
/// however long we watch; this only decides how soon a queue that does not block is caught.
const WATCH: Duration = Duration::from_millis(50);

/// Waits (a bounded while) until `counter` reaches `target`; true if it did.
fn wait_until_reaches(counter: &AtomicUsize, target: usize) -> bool {
    for _ in 0..2000 {
        if counter.load(Ordering::SeqCst) >= target {
            return true;
        }
        thread::sleep(Duration::from_millis(1));
    }
    false
}

#[test]
fn a_full_queue_blocks_the_producer_and_an_empty_one_the_consumer() {
    let rows = EXERCISE.run(|| {
        let mut rows = Vec::new();
        let queue = BoundedQueue::new(2);
        let pushes_returned = AtomicUsize::new(0);
        let popped = thread::scope(|scope| {
            scope.spawn(|| {
                for item in 0..5 {
                    queue.push(item);
                    pushes_returned.fetch_add(1, Ordering::SeqCst);
                }
            });
            wait_until_reaches(&pushes_returned, 2);
            thread::sleep(WATCH);
            rows.push((
                "a producer pushes 5 items into a queue of capacity 2; nobody pops",
                format!("{} pushes returned", pushes_returned.load(Ordering::SeqCst)),
            ));
            rows.push(("len() of that queue", format!("{}", queue.len())));
            (0..5).map(|_| queue.pop()).collect::<Vec<i32>>()
        });
        rows.push((
            "then a consumer pops 5 times",
            format!("gets {popped:?}; all 5 pushes returned"),
        ));

        let empty = BoundedQueue::new(2);
        let got_one = AtomicBool::new(false);
        thread::scope(|scope| {
            let consumer = scope.spawn(|| {
                let item = empty.pop();
                got_one.store(true, Ordering::SeqCst);
                item
            });
            thread::sleep(WATCH);
            let waiting = if got_one.load(Ordering::SeqCst) {
                "returned"
            } else {
                "waits"
            };
            rows.push(("a consumer pops an empty queue", waiting.to_owned()));
            empty.push("hello");
            let item = consumer.join().unwrap();
            rows.push((
                "a producer pushes \"hello\"",
                format!("the consumer gets {item:?}"),
            ));
        });
        rows
    });
    let mut table = format!(
        "{:<67} | what happens\n{:-<67}-|-------------\n",
        "situation", ""
    );
    for (situation, result) in rows {
        table.push_str(&format!("{situation:<67} | {result}\n"));
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

/// Producers push `ITEMS` numbered items each, consumers pop them all; returns what each
/// consumer got, and the longest queue any producer saw right after a push.
fn exchange(
    producers: usize,
    consumers: usize,
    capacity: usize,
    how: Start,
) -> Result<(Vec<Vec<usize>>, usize), String> {
    const ITEMS: usize = 120;
    let queue = BoundedQueue::new(capacity);
    let longest = AtomicUsize::new(0);
    let received = Mutex::new(vec![Vec::new(); consumers]);
    let per_consumer = ITEMS * producers / consumers;
    let mut tasks: Vec<Task> = Vec::new();
    for producer in 0..producers {
        let (queue, longest) = (&queue, &longest);
        tasks.push(Box::new(move || {
            for item in 0..ITEMS {
                queue.push(producer * 1000 + item);
                longest.fetch_max(queue.len(), Ordering::SeqCst);
            }
        }));
    }
    for consumer in 0..consumers {
        let (queue, received) = (&queue, &received);
        tasks.push(Box::new(move || {
            let got: Vec<usize> = (0..per_consumer).map(|_| queue.pop()).collect();
            received.lock().unwrap()[consumer] = got;
        }));
    }
    let names: Vec<String> = (0..producers)
        .map(|p| format!("producer {p}"))
        .chain((0..consumers).map(|c| format!("consumer {c}")))
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    start(how, tasks).map_err(|stuck| stuck.describe(&names))?;
    Ok((received.into_inner().unwrap(), longest.into_inner()))
}

#[test]
fn producers_and_consumers_lose_nothing_reorder_nothing_and_never_overfill() {
    // (producers, consumers, capacity, start order: producers are 0.., consumers follow)
    let setups: [(usize, usize, usize, Start<'static>); 5] = [
        (1, 1, 3, Start::InOrder(&[0, 1])),
        (1, 1, 3, Start::InOrder(&[1, 0])),
        (3, 2, 2, Start::InOrder(&[0, 1, 2, 3, 4])),
        (3, 2, 2, Start::InOrder(&[3, 4, 0, 1, 2])),
        (3, 3, 1, Start::AllAtOnce),
    ];
    let rows = EXERCISE.run(move || {
        setups
            .iter()
            .map(|&(producers, consumers, capacity, how)| {
                let (received, longest) = exchange(producers, consumers, capacity, how)?;
                let mut all: Vec<usize> = received.iter().flatten().copied().collect();
                all.sort_unstable();
                let expected: Vec<usize> = (0..producers)
                    .flat_map(|p| (0..120).map(move |item| p * 1000 + item))
                    .collect();
                let each_once = if all == expected { "yes" } else { "NO" };
                // FIFO: whatever a consumer got from one producer came in that producer's order.
                let in_order = received.iter().all(|got| {
                    (0..producers).all(|p| {
                        let from_p: Vec<&usize> = got.iter().filter(|&&i| i / 1000 == p).collect();
                        from_p.windows(2).all(|pair| pair[0] < pair[1])
                    })
                });
                let starts = match how {
                    Start::InOrder(order) if order[0] < producers => "producers",
                    Start::InOrder(_) => "consumers",
                    Start::AllAtOnce => "all at once",
                };
                Ok(format!(
                    "{producers:>9} | {consumers:>9} | {capacity:>8} | {starts:<12} | {each_once:<13} | {:<8} | {}\n",
                    if in_order { "yes" } else { "NO" },
                    if longest <= capacity { "no" } else { "YES" },
                ))
            })
            .collect::<Result<String, String>>()
    });
    let rows = rows.unwrap_or_else(|stuck| EXERCISE.fail(stuck));
    let table = format!(
        "producers | consumers | capacity | start first  | each item once | in order | ever over capacity\n\
         ----------|-----------|----------|--------------|---------------|----------|-------------------\n{rows}"
    );
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

#[test]
fn two_producers_and_two_consumers_never_get_stuck_in_any_interleaving() {
    // A queue of one place, two producers and two consumers: a wake-up meant for a consumer that
    // reaches a producer (or the other way round) leaves someone asleep in some interleaving.
    every_interleaving::check(EXERCISE, Some(1), || {
        use chapter8::under_loom::bounded_queue::BoundedQueue;
        // std's Arc: see ex01.
        let queue = Arc::new(BoundedQueue::new(1));
        let producers: Vec<_> = [1, 2]
            .into_iter()
            .map(|item| {
                let queue = Arc::clone(&queue);
                loom::thread::spawn(move || {
                    queue.push(item);
                    let len = queue.len();
                    assert!(len <= 1, "a queue of capacity 1 held {len} items");
                })
            })
            .collect();
        let consumer = {
            let queue = Arc::clone(&queue);
            loom::thread::spawn(move || queue.pop())
        };
        let mut got = vec![queue.pop(), consumer.join().unwrap()];
        for producer in producers {
            producer.join().unwrap();
        }
        got.sort_unstable();
        assert!(
            got == [1, 2],
            "the consumers got {got:?} from pushes of 1 and 2"
        );
    });
}
