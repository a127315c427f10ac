//! Exercise 8.7: a bounded blocking queue (book: src/ch08/07-bounded-queue.md).

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use chapter8::bounded_queue::BoundedQueue;
use support::Exercise;

use crate::start_orders::{Task, run_in_order};

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
    order: &[usize],
) -> (Vec<Vec<usize>>, usize) {
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
    let order: Vec<usize> = order.to_vec();
    run_in_order(&order, tasks);
    (received.into_inner().unwrap(), longest.into_inner())
}

#[test]
fn producers_and_consumers_lose_nothing_reorder_nothing_and_never_overfill() {
    // (producers, consumers, capacity, start order: producers are 0.., consumers follow)
    let setups: [(usize, usize, usize, &[usize]); 4] = [
        (1, 1, 3, &[0, 1]),
        (1, 1, 3, &[1, 0]),
        (3, 2, 2, &[0, 1, 2, 3, 4]),
        (3, 2, 2, &[3, 4, 0, 1, 2]),
    ];
    let rows = EXERCISE.run(move || {
        setups
            .iter()
            .map(|&(producers, consumers, capacity, order)| {
                let (received, longest) = exchange(producers, consumers, capacity, order);
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
                let starts = if order[0] < producers { "producers" } else { "consumers" };
                format!(
                    "{producers:>9} | {consumers:>9} | {capacity:>8} | {starts:<12} | {each_once:<13} | {:<8} | {}\n",
                    if in_order { "yes" } else { "NO" },
                    if longest <= capacity { "no" } else { "YES" },
                )
            })
            .collect::<String>()
    });
    let table = format!(
        "producers | consumers | capacity | start first  | each item once | in order | ever over capacity\n\
         ----------|-----------|----------|--------------|---------------|----------|-------------------\n{rows}"
    );
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}
