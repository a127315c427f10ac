//! Exercise 8.6: the dining philosophers (book: src/ch08/06-dining-philosophers.md).

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use chapter8::dining_philosophers::DiningTable;
use support::Exercise;

use crate::start_orders::{Task, run_in_order};

const EXERCISE: Exercise = Exercise::new("8.6", "ch08/06-dining-philosophers.md").with_hang_hint(
    "every philosopher picked up the left fork and now waits for the right one, which the \
     neighbour holds: a cycle of waits. Break the symmetry, e.g. make everyone take the \
     lower-numbered fork first",
);

const PHILOSOPHERS: usize = 5;
const MEALS: usize = 3;

/// Watches the forks through the callbacks: who holds which fork, who ate, and what went wrong.
struct Waiter {
    holders: Mutex<[Option<usize>; PHILOSOPHERS]>,
    mistakes: Mutex<Vec<String>>,
    meals: [AtomicUsize; PHILOSOPHERS],
    /// For the first meals: how many philosophers hold their left fork.
    holding_left: AtomicUsize,
    everyone_may_go_on: AtomicBool,
}

impl Waiter {
    fn new() -> Self {
        Self {
            holders: Mutex::new([None; PHILOSOPHERS]),
            mistakes: Mutex::new(Vec::new()),
            meals: std::array::from_fn(|_| AtomicUsize::new(0)),
            holding_left: AtomicUsize::new(0),
            everyone_may_go_on: AtomicBool::new(false),
        }
    }

    fn mistake(&self, what: String) {
        self.mistakes.lock().unwrap().push(what);
    }

    fn pick(&self, philosopher: usize, fork: usize) {
        let mut holders = self.holders.lock().unwrap();
        if let Some(other) = holders[fork] {
            self.mistake(format!(
                "philosopher {philosopher} picked up fork {fork} while philosopher {other} held it"
            ));
        }
        holders[fork] = Some(philosopher);
    }

    fn put(&self, philosopher: usize, fork: usize) {
        let mut holders = self.holders.lock().unwrap();
        if holders[fork] != Some(philosopher) {
            self.mistake(format!(
                "philosopher {philosopher} put down fork {fork}, which it did not hold"
            ));
        }
        holders[fork] = None;
    }

    fn eat(&self, philosopher: usize) {
        let (left, right) = forks_of(philosopher);
        let holders = self.holders.lock().unwrap();
        if holders[left] != Some(philosopher) || holders[right] != Some(philosopher) {
            self.mistake(format!(
                "philosopher {philosopher} ate without holding forks {left} and {right}"
            ));
        }
        self.meals[philosopher].fetch_add(1, Ordering::SeqCst);
    }

    /// On the first pick of the left fork, waits (a bounded while) until every philosopher holds
    /// their left fork. A solution that lets that happen deadlocks right after, every time; a
    /// correct one never gets there, and the wait simply ends.
    fn let_everyone_take_the_left_fork(&self) {
        self.holding_left.fetch_add(1, Ordering::SeqCst);
        for _ in 0..100 {
            if self.everyone_may_go_on.load(Ordering::SeqCst)
                || self.holding_left.load(Ordering::SeqCst) == PHILOSOPHERS
            {
                break;
            }
            thread::sleep(Duration::from_millis(1));
        }
        self.everyone_may_go_on.store(true, Ordering::SeqCst);
    }
}

fn forks_of(philosopher: usize) -> (usize, usize) {
    (philosopher, (philosopher + 1) % PHILOSOPHERS)
}

/// Seats the philosophers in `order`; each eats `MEALS` times.
fn dinner(order: &[usize], waiter: &Waiter) {
    let table = DiningTable::new(PHILOSOPHERS);
    let table = &table;
    let tasks: Vec<Task> = (0..PHILOSOPHERS)
        .map(|philosopher| -> Task {
            Box::new(move || {
                let (left, right) = forks_of(philosopher);
                for meal in 0..MEALS {
                    table.wants_to_eat(
                        philosopher,
                        || {
                            waiter.pick(philosopher, left);
                            if meal == 0 {
                                waiter.let_everyone_take_the_left_fork();
                            }
                        },
                        || waiter.pick(philosopher, right),
                        || waiter.eat(philosopher),
                        || waiter.put(philosopher, left),
                        || waiter.put(philosopher, right),
                    );
                }
            })
        })
        .collect();
    run_in_order(order, tasks);
}

#[test]
fn every_philosopher_eats_and_no_fork_is_ever_in_two_hands() {
    let start_orders: Vec<Vec<usize>> = (0..PHILOSOPHERS)
        .map(|first| {
            (0..PHILOSOPHERS)
                .map(|seat| (first + seat) % PHILOSOPHERS)
                .collect()
        })
        .collect();
    let waiter = EXERCISE.run(move || {
        let waiter = Waiter::new();
        for order in &start_orders {
            waiter.everyone_may_go_on.store(false, Ordering::SeqCst);
            waiter.holding_left.store(0, Ordering::SeqCst);
            dinner(order, &waiter);
        }
        waiter
    });
    let mistakes = waiter.mistakes.into_inner().unwrap();
    EXERCISE.check(
        mistakes.is_empty(),
        format!(
            "{} (and {} more): call each callback while holding the fork it names",
            mistakes.first().map_or("", String::as_str),
            mistakes.len().saturating_sub(1)
        ),
    );
    let mut table = format!(
        "{PHILOSOPHERS} philosophers, {MEALS} meals each, seated in {PHILOSOPHERS} different orders\n\n\
         philosopher | forks | meals eaten\n\
         ------------|-------|------------\n"
    );
    for (philosopher, meals) in waiter.meals.iter().enumerate() {
        let (left, right) = forks_of(philosopher);
        let meals = meals.load(Ordering::SeqCst);
        table.push_str(&format!("{philosopher:<11} | {left}, {right}  | {meals}\n"));
    }
    table.push_str("\nforks in two hands at once, or meals without both forks: none\n");
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}
