//! `support::sync`: the same types on real threads and under loom, spurious wake-ups on a fixed
//! schedule, and loom's findings told as one sentence.

use support::sync::{Arc, Condvar, Mutex, thread, watch};

#[cfg(feature = "loom")]
mod common;

/// A flag and the condition variable that announces it.
#[derive(Default)]
struct Flag {
    set: Mutex<bool>,
    changed: Condvar,
}

impl Flag {
    fn raise(&self) {
        *self.set.lock().unwrap() = true;
        self.changed.notify_all();
    }

    /// The mistake the schedule exists for: one wait, trusted to mean "the flag is up".
    fn wait_with_if(&self) -> bool {
        let mut set = self.set.lock().unwrap();
        if !*set {
            set = self.changed.wait(set).unwrap();
        }
        *set
    }

    fn wait_with_while(&self) -> bool {
        let mut set = self.set.lock().unwrap();
        while !*set {
            set = self.changed.wait(set).unwrap();
        }
        *set
    }

    fn wait_with_wait_while(&self) -> bool {
        *self
            .changed
            .wait_while(self.set.lock().unwrap(), |set| !*set)
            .unwrap()
    }

    /// Raises a new flag while another thread waits for it with `wait`, and returns what that
    /// thread saw when its wait ended.
    fn raised_while_waiting(wait: fn(&Flag) -> bool) -> bool {
        let flag = Arc::new(Flag::default());
        let waiter = {
            let flag = Arc::clone(&flag);
            thread::spawn(move || wait(&flag))
        };
        flag.raise();
        waiter.join().unwrap()
    }
}

#[test]
fn the_first_wait_of_every_thread_returns_without_a_notification() {
    let flag = Arc::new(Flag::default());
    // Nobody ever raises the flag: a wait that returned was spurious. Two threads, so that one
    // thread's waits do not use up another's.
    let waiters: Vec<_> = (0..2)
        .map(|_| {
            let flag = Arc::clone(&flag);
            thread::spawn(move || flag.wait_with_if())
        })
        .collect();
    for waiter in waiters {
        assert!(!waiter.join().unwrap(), "the flag was never raised");
    }
}

#[test]
fn a_while_loop_sleeps_through_the_spurious_wake_ups_until_notified() {
    assert!(Flag::raised_while_waiting(Flag::wait_with_while));
}

#[test]
fn wait_while_checks_before_every_wait() {
    assert!(Flag::raised_while_waiting(Flag::wait_with_wait_while));
}

#[test]
fn a_test_can_wait_until_a_thread_is_asleep() {
    let flag = Arc::new(Flag::default());
    let waiter = {
        let flag = Arc::clone(&flag);
        std::thread::spawn(move || flag.wait_with_while())
    };
    let id = waiter.thread().id().into();
    watch::block_until(|| watch::is_asleep(id));
    flag.raise();
    assert!(waiter.join().unwrap());
}

#[test]
fn a_thread_that_waits_by_spinning_is_seen_taking_thousands_of_locks() {
    let flag = Arc::new(Flag::default());
    let spinner = {
        let flag = Arc::clone(&flag);
        std::thread::spawn(move || while !*flag.set.lock().unwrap() {})
    };
    let id = spinner.thread().id().into();
    watch::block_until(|| watch::locks_taken(id) >= 5_000);
    flag.raise();
    spinner.join().unwrap();
}

#[test]
fn a_poisoned_mutex_still_hands_out_its_value() {
    let count = Arc::new(Mutex::new(5));
    let panicked = {
        let count = Arc::clone(&count);
        std::thread::spawn(move || {
            let _guard = count.lock().unwrap();
            panic!("while holding the lock");
        })
        .join()
    };
    assert!(panicked.is_err());
    let value = *count.lock().unwrap_or_else(|poison| poison.into_inner());
    assert_eq!(value, 5);
    assert!(count.try_lock().is_err(), "still poisoned");
}

#[cfg(feature = "loom")]
mod under_loom {
    use super::*;
    use crate::common::{assert_says, failure_starting};
    use support::Exercise;
    use support::sync::{AtomicUsize, Model, Ordering, violated};

    const EXERCISE: Exercise = Exercise::new("9.9", "ch09/99-example.md");

    const MODEL: Model = Model::new(EXERCISE).preemption_bound(3);

    #[test]
    fn every_interleaving_of_a_lock_per_step_increment_is_explored() {
        let finals = std::sync::Arc::new(std::sync::Mutex::new(std::collections::BTreeSet::new()));
        let record = std::sync::Arc::clone(&finals);
        let tried = MODEL.check(move || {
            let count = Arc::new(Mutex::new(0));
            let other = {
                let count = Arc::clone(&count);
                thread::spawn(move || {
                    let seen = *count.lock().unwrap();
                    *count.lock().unwrap() = seen + 1;
                })
            };
            let seen = *count.lock().unwrap();
            *count.lock().unwrap() = seen + 1;
            other.join().unwrap();
            record.lock().unwrap().insert(*count.lock().unwrap());
        });
        assert!(tried > 1, "loom tried {tried} interleavings");
        assert_eq!(*finals.lock().unwrap(), [1, 2].into());
    }

    #[test]
    fn atomics_under_loom_lose_nothing_with_fetch_add() {
        MODEL.check(|| {
            let count = Arc::new(AtomicUsize::new(0));
            let other = {
                let count = Arc::clone(&count);
                thread::spawn(move || count.fetch_add(1, Ordering::SeqCst))
            };
            count.fetch_add(1, Ordering::SeqCst);
            other.join().unwrap();
            if count.load(Ordering::SeqCst) != 2 {
                violated("an increment was lost");
            }
        });
    }

    #[test]
    fn if_instead_of_while_fails_under_loom_with_the_tests_sentence() {
        let message = failure_starting(
            "exercise 9.9: the waiter went on before the flag was raised (in interleaving ",
            || {
                MODEL.check(|| {
                    if !Flag::raised_while_waiting(Flag::wait_with_if) {
                        violated("the waiter went on before the flag was raised");
                    }
                });
            },
        );
        assert!(
            message.ends_with("Read src/ch09/99-example.md in the book"),
            "{message}"
        );
    }

    #[test]
    fn while_passes_under_loom() {
        MODEL.check(|| assert!(Flag::raised_while_waiting(Flag::wait_with_while)));
    }

    #[test]
    fn a_deadlock_is_one_sentence() {
        let message = failure_starting(
            "exercise 9.9: in interleaving 1 of those loom tried, every thread was left waiting",
            || {
                MODEL.check(|| {
                    let flag = Arc::new(Flag::default());
                    // Waits for a flag that nobody raises.
                    flag.wait_with_while();
                });
            },
        );
        assert!(!message.contains('\n'), "one line: {message}");
    }

    #[test]
    fn a_spin_loop_is_one_sentence() {
        let message = failure_starting("exercise 9.9: ", || {
            MODEL.check(|| {
                let ready = Arc::new(AtomicUsize::new(0));
                while ready.load(Ordering::SeqCst) == 0 {
                    thread::yield_now();
                }
            });
        });
        assert_says(&message, &["a thread that waits by looping"]);
    }

    #[test]
    fn a_todo_in_the_model_is_not_implemented_yet() {
        failure_starting("exercise 9.9 is not implemented yet", || {
            MODEL.check(|| {
                let other = thread::spawn(|| -> usize { todo!() });
                other.join().unwrap();
            });
        });
    }

    #[test]
    fn values_made_outside_a_model_stay_std() {
        let outside = Mutex::new(1);
        MODEL.check(move || {
            // Only locked by this one loom thread: std's lock never blocks here.
            *outside.lock().unwrap() += 1;
        });
    }
}
