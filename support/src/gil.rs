//! A real lock that stands for the GIL in the real-thread exercises (chapter 3), in two kinds.
//!
//! - [`Gil::new`]: a plain `std::sync::Mutex<()>`. Whichever thread grabs it first gets it; a
//!   thread that lets go and asks again at once usually gets it back. The release-mode
//!   measurements use this one.
//! - [`Gil::taking_turns`]: the lock goes to the thread that has waited longest, as CPython's GIL
//!   has done since 3.2 (a waiting thread asks, and the holder must hand over at its next chance).
//!   A function of the test's is told whenever a thread asks for it. With both, a test can see on
//!   every run whether the lock changed hands between two steps of a thread, which a plain mutex
//!   leaves to luck: its holder may win it back before the waiter wakes.
//!
//! The learner's code is the same for both: `let _gil = gil.lock();` around one step.

use std::fmt;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// A lock standing for the GIL: hold the guard of [`Gil::lock`] while running "Python".
pub struct Gil {
    kind: Kind,
}

enum Kind {
    Plain(Mutex<()>),
    TakingTurns {
        queue: Mutex<Tickets>,
        served: Condvar,
        on_ask: Box<dyn Fn() + Send + Sync>,
    },
}

/// A ticket lock: each thread that asks takes the next number, and the lock serves them in order.
#[derive(Default)]
struct Tickets {
    next: u64,
    serving: u64,
}

/// Holding this is holding the GIL; dropping it lets go.
#[must_use = "the GIL is let go as soon as the guard is dropped: keep it in a named variable"]
pub struct GilGuard<'a> {
    held: Held<'a>,
}

enum Held<'a> {
    Plain(#[allow(dead_code)] MutexGuard<'a, ()>),
    Ticket(&'a Gil),
}

impl Gil {
    /// A plain mutex: no turns, whoever grabs it first.
    pub fn new() -> Self {
        Self {
            kind: Kind::Plain(Mutex::new(())),
        }
    }

    /// A lock that is handed to the thread that has waited longest. `on_ask` runs on every
    /// thread that asks for it, once its place in the line is fixed and before it waits: a
    /// test can then look at [`Gil::waiting`].
    pub fn taking_turns(on_ask: impl Fn() + Send + Sync + 'static) -> Self {
        Self {
            kind: Kind::TakingTurns {
                queue: Mutex::new(Tickets::default()),
                served: Condvar::new(),
                on_ask: Box::new(on_ask),
            },
        }
    }

    /// Waits for the GIL and holds it until the guard is dropped.
    pub fn lock(&self) -> GilGuard<'_> {
        let held = match &self.kind {
            // A panic elsewhere must not hide the first one: ignore poisoning.
            Kind::Plain(mutex) => Held::Plain(mutex.lock().unwrap_or_else(PoisonError::into_inner)),
            Kind::TakingTurns {
                queue,
                served,
                on_ask,
            } => {
                let ticket = {
                    let mut tickets = queue.lock().unwrap_or_else(PoisonError::into_inner);
                    tickets.next += 1;
                    tickets.next - 1
                };
                on_ask();
                let tickets = queue.lock().unwrap_or_else(PoisonError::into_inner);
                let _served = served
                    .wait_while(tickets, |tickets| tickets.serving != ticket)
                    .unwrap_or_else(PoisonError::into_inner);
                Held::Ticket(self)
            }
        };
        GilGuard { held }
    }
}

impl Gil {
    /// How many threads wait in line for a lock that takes turns (always 0 for a plain one).
    /// A thread that has been handed the lock counts as its holder, even before it wakes up.
    pub fn waiting(&self) -> u64 {
        match &self.kind {
            Kind::Plain(_) => 0,
            Kind::TakingTurns { queue, .. } => {
                let tickets = queue.lock().unwrap_or_else(PoisonError::into_inner);
                (tickets.next - tickets.serving).saturating_sub(1)
            }
        }
    }
}

impl Default for Gil {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for Gil {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.kind {
            Kind::Plain(_) => "Gil (a plain mutex)",
            Kind::TakingTurns { .. } => "Gil (taking turns)",
        })
    }
}

impl Drop for GilGuard<'_> {
    fn drop(&mut self) {
        if let Held::Ticket(gil) = self.held
            && let Kind::TakingTurns { queue, served, .. } = &gil.kind
        {
            queue.lock().unwrap_or_else(PoisonError::into_inner).serving += 1;
            served.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::thread;

    #[test]
    fn the_longest_waiter_gets_the_lock_next() {
        let asked = Arc::new((Mutex::new(0usize), Condvar::new()));
        let seen = Arc::clone(&asked);
        let gil = Gil::taking_turns(move || {
            *seen.0.lock().unwrap() += 1;
            seen.1.notify_all();
        });
        let order = Mutex::new(Vec::new());
        let first = gil.lock();
        thread::scope(|scope| {
            scope.spawn(|| {
                let _gil = gil.lock();
                order.lock().unwrap().push("other thread");
            });
            // Once the other thread waits in line, letting go and asking again puts us behind it.
            drop(asked.1.wait_while(asked.0.lock().unwrap(), |n| *n < 2));
            drop(first);
            let _gil = gil.lock();
            order.lock().unwrap().push("first thread again");
        });
        assert_eq!(
            *order.lock().unwrap(),
            ["other thread", "first thread again"]
        );
    }

    #[test]
    fn one_holder_at_a_time() {
        for gil in [Gil::new(), Gil::taking_turns(|| ())] {
            let inside = AtomicUsize::new(0);
            thread::scope(|scope| {
                for _ in 0..4 {
                    scope.spawn(|| {
                        for _ in 0..100 {
                            let _gil = gil.lock();
                            assert_eq!(inside.fetch_add(1, Ordering::SeqCst), 0);
                            inside.fetch_sub(1, Ordering::SeqCst);
                        }
                    });
                }
            });
        }
    }
}
