//! Exercise 8.6: the dining philosophers (book: src/ch08/06-dining-philosophers.md).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::Duration;

use chapter8::dining_philosophers::DiningTable;
use support::Exercise;

use super::every_interleaving;
use super::start_orders::{Task, run_in_order};

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
        for _ in 0..30 {
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

/// Seats the philosophers in `order`; each eats `MEALS` times. Returns the sentence that says
/// how the dinner went wrong, if it did.
fn dinner(order: &[usize], waiter: &Waiter) -> Result<(), String> {
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
    let names: Vec<String> = (0..PHILOSOPHERS)
        .map(|p| format!("philosopher {p}"))
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    run_in_order(order, tasks).map_err(|stuck| stuck.describe(&names))
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
    let (waiter, went_wrong) = EXERCISE.run(move || {
        let waiter = Waiter::new();
        for order in &start_orders {
            waiter.everyone_may_go_on.store(false, Ordering::SeqCst);
            waiter.holding_left.store(0, Ordering::SeqCst);
            if let Err(went_wrong) = dinner(order, &waiter) {
                return (waiter, Some(went_wrong));
            }
        }
        (waiter, None)
    });
    if let Some(went_wrong) = went_wrong {
        EXERCISE.fail(went_wrong);
    }
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

#[test]
fn two_philosophers_who_share_no_fork_eat_at_the_same_time() {
    // Philosophers 0 (forks 0 and 1) and 2 (forks 2 and 3) share no fork: each, while eating,
    // waits for the other to be eating too. A table that lets only one philosopher eat at a time
    // never gets there; the wait gives up after a while and the test says so.
    const GIVE_UP: Duration = Duration::from_secs(1);
    let both_ate_together = EXERCISE.run(|| {
        let table = DiningTable::new(PHILOSOPHERS);
        // How many are eating right now, and whether both have ever eaten at once.
        let eating = (Mutex::new((0_usize, false)), Condvar::new());
        let eat = || {
            let (state, changed) = &eating;
            let mut state = state.lock().unwrap();
            state.0 += 1;
            if state.0 == 2 {
                state.1 = true;
            }
            changed.notify_all();
            let (mut state, _) = changed
                .wait_timeout_while(state, GIVE_UP, |(_, met)| !*met)
                .unwrap();
            state.0 -= 1;
        };
        thread::scope(|scope| {
            for philosopher in [0, 2] {
                let (table, eat) = (&table, &eat);
                scope.spawn(move || {
                    table.wants_to_eat(philosopher, || {}, || {}, eat, || {}, || {})
                });
            }
        });
        let (_, met) = *eating.0.lock().unwrap();
        met
    });
    EXERCISE.check(
        both_ate_together,
        "philosophers 0 and 2 share no fork, yet they never ate at the same time: lock only the \
         two forks a philosopher needs, not the whole table",
    );
}

#[test]
fn three_philosophers_never_deadlock_in_any_interleaving() {
    const SEATS: usize = 3;
    every_interleaving::check(EXERCISE, None, || {
        use chapter8::under_loom::dining_philosophers::DiningTable;
        // std's Arc: see ex01. Who holds which fork is recorded through loom's Mutex, so that
        // loom also tries switching threads between your locks and the callbacks.
        type Holders = loom::sync::Mutex<[Option<usize>; SEATS]>;
        let table = Arc::new(DiningTable::new(SEATS));
        let holders: Arc<Holders> = Arc::new(loom::sync::Mutex::new([None; SEATS]));
        let dine = |table: &DiningTable, holders: &Holders, p: usize| {
            let (left, right) = (p, (p + 1) % SEATS);
            let take = |fork: usize| {
                let mut holders = holders.lock().unwrap();
                if let Some(other) = holders[fork] {
                    panic!(
                        "philosopher {p} picked up fork {fork} while philosopher {other} held it"
                    );
                }
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
        let others: Vec<_> = (1..SEATS)
            .map(|p| {
                let (table, holders) = (Arc::clone(&table), Arc::clone(&holders));
                loom::thread::spawn(move || dine(&table, &holders, p))
            })
            .collect();
        dine(&table, &holders, 0);
        for other in others {
            other.join().unwrap();
        }
    });
}
