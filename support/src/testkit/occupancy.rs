use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::{self, ThreadId};

/// Counts who is inside a region (a step under a lock, a request in flight, a call into native
/// code) and remembers the most there ever were at once.
///
/// Why: "at most one thread at a time" and "all of them at once" are the facts most of the
/// book's exercises are about, and a test can only check them from the inside, while the
/// learner's code runs. Wall-clock time would say it with luck; this says it every run. Put
/// [`enter`](Occupancy::enter) at the start of the region the test provides, keep the returned
/// guard for as long as the region lasts, and read [`most`](Occupancy::most) afterwards.
///
/// It also records the facts the chapters ask about the callers: how many times the region was
/// entered, by how many different threads, and under which thread names (rayon and the
/// learner's own threads name theirs).
///
/// ```
/// use support::testkit::Occupancy;
///
/// let occupancy = Occupancy::new();
/// std::thread::scope(|scope| {
///     for _ in 0..3 {
///         scope.spawn(|| {
///             let _inside = occupancy.enter();
///             // ... the work whose overlap is being measured ...
///         });
///     }
/// });
/// assert_eq!(occupancy.entries(), 3);
/// assert!((1..=3).contains(&occupancy.most()));
/// ```
#[derive(Debug, Default)]
pub struct Occupancy {
    now: AtomicUsize,
    most: AtomicUsize,
    entries: AtomicUsize,
    /// Each thread that entered, with its name.
    threads: Mutex<Vec<(ThreadId, Option<String>)>>,
}

/// Proof of being inside an [`Occupancy`]: leaves when dropped, so a caller that panics or an
/// async task that is cancelled inside the region still leaves it.
#[derive(Debug)]
#[must_use = "the region is left when this guard is dropped: bind it with `let _inside = ...`"]
pub struct Inside<'a> {
    occupancy: &'a Occupancy,
    first_of_its_thread: bool,
}

impl Occupancy {
    pub const fn new() -> Self {
        Self {
            now: AtomicUsize::new(0),
            most: AtomicUsize::new(0),
            entries: AtomicUsize::new(0),
            threads: Mutex::new(Vec::new()),
        }
    }

    /// Enters the region: counts the caller in until the returned guard is dropped.
    pub fn enter(&self) -> Inside<'_> {
        // SeqCst: the counts are read by other threads to decide what overlapped; the cost
        // does not matter in a test.
        let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.most.fetch_max(now, Ordering::SeqCst);
        self.entries.fetch_add(1, Ordering::SeqCst);
        let current = thread::current();
        let mut threads = self.thread_list();
        let first_of_its_thread = !threads.iter().any(|(id, _)| *id == current.id());
        if first_of_its_thread {
            threads.push((current.id(), current.name().map(str::to_owned)));
        }
        drop(threads);
        Inside {
            occupancy: self,
            first_of_its_thread,
        }
    }

    /// How many are inside right now.
    pub fn now(&self) -> usize {
        self.now.load(Ordering::SeqCst)
    }

    /// The most that were ever inside at the same time.
    pub fn most(&self) -> usize {
        self.most.load(Ordering::SeqCst)
    }

    /// How many times the region was entered.
    pub fn entries(&self) -> usize {
        self.entries.load(Ordering::SeqCst)
    }

    /// How many different threads entered.
    pub fn threads(&self) -> usize {
        self.thread_list().len()
    }

    /// The names of the threads that entered, sorted; a thread without a name is
    /// `"(no name)"`.
    pub fn thread_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .thread_list()
            .iter()
            .map(|(_, name)| name.clone().unwrap_or_else(|| "(no name)".to_owned()))
            .collect();
        names.sort();
        names
    }

    fn thread_list(&self) -> std::sync::MutexGuard<'_, Vec<(ThreadId, Option<String>)>> {
        // A learner's panic inside the region must not turn every later reading into a
        // second, unrelated panic: the counts are still right.
        self.threads
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Inside<'_> {
    /// Whether this is the first time the current thread entered: a test that must meet every
    /// thread once (a barrier, a rendezvous) does it on the first visit only.
    pub fn first_of_its_thread(&self) -> bool {
        self.first_of_its_thread
    }
}

impl Drop for Inside<'_> {
    fn drop(&mut self) {
        self.occupancy.now.fetch_sub(1, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Barrier;

    #[test]
    fn one_at_a_time_is_most_one() {
        let occupancy = Occupancy::new();
        for _ in 0..3 {
            let _inside = occupancy.enter();
        }
        assert_eq!((occupancy.most(), occupancy.now()), (1, 0));
        assert_eq!((occupancy.entries(), occupancy.threads()), (3, 1));
    }

    #[test]
    fn threads_held_together_by_a_barrier_are_all_counted() {
        let occupancy = Occupancy::new();
        let all_inside = Barrier::new(4);
        thread::scope(|scope| {
            for index in 0..4 {
                thread::Builder::new()
                    .name(format!("worker {index}"))
                    .spawn_scoped(scope, || {
                        let inside = occupancy.enter();
                        assert!(inside.first_of_its_thread());
                        all_inside.wait();
                    })
                    .unwrap();
            }
        });
        assert_eq!(
            (occupancy.most(), occupancy.now(), occupancy.threads()),
            (4, 0, 4)
        );
        assert_eq!(
            occupancy.thread_names(),
            ["worker 0", "worker 1", "worker 2", "worker 3"]
        );
    }

    #[test]
    fn a_panic_inside_still_leaves() {
        let occupancy = Occupancy::new();
        let result = std::panic::catch_unwind(|| {
            let _inside = occupancy.enter();
            panic!("learner code panicked");
        });
        assert!(result.is_err());
        assert_eq!((occupancy.now(), occupancy.most()), (0, 1));
    }

    #[test]
    fn a_second_visit_of_a_thread_is_not_its_first() {
        let occupancy = Occupancy::new();
        assert!(occupancy.enter().first_of_its_thread());
        assert!(!occupancy.enter().first_of_its_thread());
    }
}
