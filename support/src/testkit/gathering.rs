use std::ffi::OsString;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long every other thread must stay asleep, without running once, before the gathering
/// gives up: the time between the two looks that must find the same sleepers (see
/// [`Gathering`]). Threads woken by other threads of the process are told apart by the looks
/// alone, however short this is. It matters for a thread that a timer or another process wakes:
/// a watchdog's tick inside it costs another look, and code under test that slept longer than
/// this on its way in would be taken for stuck (no exercise's right answer sleeps there).
const LOOK_AGAIN: Duration = Duration::from_millis(20);
/// The first wait after a look that found a thread awake; it doubles, up to `LOOK_AGAIN`, while
/// the looks keep finding one. Nothing is being waited out before a look finds all asleep, so
/// looking soon only ends sooner a gathering whose other threads settle quickly (blocked on the
/// lock that its first caller holds), and the doubling keeps the looks cheap while other
/// threads stay busy (another test running beside this one).
const FIRST_LOOK_SOON: Duration = Duration::from_millis(1);

/// Holds the callers of a region until `want` of them are there together, so that threads
/// able to run at the same time are caught at the same time (an [`Occupancy`] then sees them
/// all inside at once), whatever the machine's load.
///
/// When the code under test cannot let them meet (every caller holds one lock that the others
/// wait for), nobody else ever arrives, and the test cannot see that they are blocked on a lock
/// it does not own. So the gathering gives up when nobody new has arrived and every other thread
/// of the process stayed asleep, without running once, from one look to the next (Linux says
/// so in `/proc/self/task/*/status`: the state, and the count of times the thread went to sleep,
/// which a thread woken in between and asleep again has raised). Then the whole process was
/// asleep, and only a timer or another process can wake any of it: a thread that could still
/// arrive is running or waiting for a CPU, however loaded the machine, or waits for one that
/// is. Threads waiting in a gathering (another test's) wake up to look, and count as asleep
/// while they stay in it. Where the system cannot tell, or while other threads of the process
/// are busy (another test running beside this one), it gives up once nobody new has arrived for
/// `quiet`. Once gathered or given up, nobody waits again.
///
/// [`Occupancy`]: super::Occupancy
///
/// ```
/// use std::time::Duration;
/// use support::testkit::{Gathering, Occupancy};
///
/// let (gathering, occupancy) = (Gathering::new(3, Duration::from_secs(1)), Occupancy::new());
/// std::thread::scope(|scope| {
///     for _ in 0..3 {
///         scope.spawn(|| {
///             let _inside = occupancy.enter();
///             gathering.arrive();
///         });
///     }
/// });
/// assert_eq!(occupancy.most(), 3);
/// ```
#[derive(Debug)]
pub struct Gathering {
    want: usize,
    quiet: Duration,
    state: Mutex<State>,
    changed: Condvar,
}

#[derive(Debug)]
struct State {
    arrived: usize,
    /// Gathered, or given up: nobody waits any more.
    over: bool,
}

impl Gathering {
    pub const fn new(want: usize, quiet: Duration) -> Self {
        Self {
            want,
            quiet,
            state: Mutex::new(State {
                arrived: 0,
                over: false,
            }),
            changed: Condvar::new(),
        }
    }

    /// Counts the caller in, then waits until `want` callers have arrived, or until nobody new
    /// can come (see the type's documentation).
    pub fn arrive(&self) {
        // A caller that panicked while waiting does not make the count wrong.
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.arrived += 1;
        state.over |= state.arrived >= self.want;
        self.changed.notify_all();
        if state.over {
            return;
        }
        let _waiting = Waiting::enter();
        let mut quiet_since = Instant::now();
        // The newest caller looks at once: waiting before the first look would add time to the
        // evidence, not evidence.
        let mut next_look = quiet_since;
        let mut look_soon = FIRST_LOOK_SOON;
        // What the last look saw, if every other thread was asleep then.
        let mut sleepers: Option<Vec<Sleeper>> = None;
        while !state.over {
            let arrived = state.arrived;
            let now = Instant::now();
            if now < next_look {
                let (next, _) = self
                    .changed
                    .wait_timeout(state, next_look - now)
                    .unwrap_or_else(PoisonError::into_inner);
                state = next;
                if state.arrived != arrived {
                    // Someone new: that caller looks from now on, so the others wait a while.
                    quiet_since = Instant::now();
                    next_look = quiet_since + LOOK_AGAIN.min(self.quiet);
                    look_soon = FIRST_LOOK_SOON;
                    sleepers = None;
                }
                continue;
            }
            if quiet_since.elapsed() < self.quiet {
                // Look without holding the gathering's lock: a caller on its way in may be
                // waiting for it, and would look asleep.
                drop(state);
                let seen = other_sleepers();
                state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
                let now = Instant::now();
                if state.arrived != arrived {
                    quiet_since = now;
                    look_soon = FIRST_LOOK_SOON;
                    sleepers = None;
                    next_look = now + LOOK_AGAIN.min(self.quiet);
                    continue;
                }
                match seen {
                    // The same threads asleep at both looks, none of them gone to sleep again
                    // in between: none of them ran, so none can arrive.
                    Some(seen) if sleepers.as_ref() == Some(&seen) => {}
                    Some(seen) => {
                        sleepers = Some(seen);
                        next_look = now + LOOK_AGAIN.min(self.quiet);
                        continue;
                    }
                    None => {
                        sleepers = None;
                        next_look = now + look_soon.min(self.quiet);
                        look_soon = (look_soon * 2).min(LOOK_AGAIN);
                        continue;
                    }
                }
            }
            state.over = true;
            self.changed.notify_all();
        }
    }

    /// Whether the wanted number of callers arrived (rather than the gathering giving up).
    pub fn gathered(&self) -> bool {
        let state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.arrived >= self.want
    }
}

/// The callers waiting in a gathering, by kernel thread id, each with the number of its entry:
/// they wake up to look, so the number of times they went to sleep says nothing, but a thread
/// that left a gathering (and may have run) and entered another has another entry number.
static WAITING: Mutex<Vec<(OsString, u64)>> = Mutex::new(Vec::new());
static ENTRIES: AtomicU64 = AtomicU64::new(0);

/// The calling thread's place in [`WAITING`], for as long as it waits.
struct Waiting(Option<OsString>);

impl Waiting {
    fn enter() -> Self {
        let me = thread_self();
        if let Some(me) = &me {
            let entry = ENTRIES.fetch_add(1, Ordering::Relaxed);
            waiting().push((me.clone(), entry));
        }
        Self(me)
    }
}

impl Drop for Waiting {
    fn drop(&mut self) {
        if let Some(me) = &self.0 {
            waiting().retain(|(thread, _)| thread != me);
        }
    }
}

fn waiting() -> std::sync::MutexGuard<'static, Vec<(OsString, u64)>> {
    WAITING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The kernel's id of the calling thread (Linux only).
fn thread_self() -> Option<OsString> {
    let link = std::fs::read_link("/proc/thread-self").ok()?;
    link.file_name().map(ToOwned::to_owned)
}

/// One other thread, seen asleep.
#[derive(Debug, PartialEq, Eq)]
enum Sleeper {
    /// Asleep, having gone to sleep this many times: a thread woken since is either awake now
    /// or asleep with a higher count.
    Asleep { thread: OsString, sleeps: u64 },
    /// Waiting in a gathering, the entry of that number.
    Gathering { thread: OsString, entry: u64 },
}

/// Every thread of this process but the calling one, if all of them are asleep (blocked on a
/// lock, a condition variable, a join, a read, a timer), in the order of their ids; `None` when
/// one is not, or the system cannot tell (outside Linux).
fn other_sleepers() -> Option<Vec<Sleeper>> {
    let me = thread_self()?;
    let mut threads: Vec<OsString> = std::fs::read_dir("/proc/self/task")
        .ok()?
        .map(|thread| thread.map(|thread| thread.file_name()))
        .collect::<Result<_, _>>()
        .ok()?;
    threads.sort();
    // Read before the threads' states: a thread that enters a gathering after this is seen by
    // its count of sleeps, so the next look, which sees it waiting there, differs; one that
    // leaves after this is seen waiting, and the next look, which cannot, differs too.
    let waiting = waiting().clone();
    let mut sleepers = Vec::with_capacity(threads.len());
    for thread in threads {
        if thread == me {
            continue;
        }
        let status = std::fs::read_to_string(
            std::path::Path::new("/proc/self/task")
                .join(&thread)
                .join("status"),
        )
        .ok()?;
        let field = |name: &str| {
            status
                .lines()
                .find_map(|line| line.strip_prefix(name))
                .map(str::trim)
        };
        if !field("State:")?.starts_with('S') {
            return None;
        }
        let sleeps = field("voluntary_ctxt_switches:")?.parse().ok()?;
        sleepers.push(match waiting.iter().find(|(waiter, _)| *waiter == thread) {
            Some(&(_, entry)) => Sleeper::Gathering { thread, entry },
            None => Sleeper::Asleep { thread, sleeps },
        });
    }
    Some(sleepers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::Occupancy;

    /// A quiet limit no test run reaches: only seeing the callers all asleep ends a gathering
    /// of [`blocked_callers`] (or, with other tests busy beside it, this limit).
    const NEVER: Duration = Duration::from_secs(60);

    /// Three callers of a gathering for three, each holding one lock while it is there: the
    /// others wait for that lock, so they can never arrive. Given up with one caller inside,
    /// the others then go straight through one by one.
    fn blocked_callers() {
        let gathering = Gathering::new(3, NEVER);
        let lock = Mutex::new(());
        std::thread::scope(|scope| {
            for _ in 0..3 {
                scope.spawn(|| {
                    let _held = lock.lock().unwrap_or_else(PoisonError::into_inner);
                    gathering.arrive();
                });
            }
        });
    }

    #[test]
    fn callers_blocked_elsewhere_end_the_gathering_without_waiting_out_the_quiet_limit() {
        let started = Instant::now();
        blocked_callers();
        assert!(started.elapsed() < NEVER, "waited out the quiet limit");
    }

    #[test]
    fn gatherings_given_up_side_by_side_do_not_keep_each_other_waiting() {
        // Two tests' gatherings at once: each first caller wakes up to look, which must not
        // count as the other's threads running.
        let started = Instant::now();
        std::thread::scope(|scope| {
            scope.spawn(blocked_callers);
            scope.spawn(blocked_callers);
        });
        assert!(started.elapsed() < NEVER, "waited out the quiet limit");
    }

    #[test]
    fn callers_that_take_turns_on_a_lock_on_their_way_still_meet() {
        // On their way in, the callers pass a lock back and forth, each often asleep waiting
        // for it while the first to arrive looks: a look may find them all asleep, but the
        // next one finds them awake or asleep again with a higher count, never the same sleeps.
        let (gathering, occupancy) = (
            Gathering::new(4, Duration::from_secs(3600)),
            Occupancy::new(),
        );
        let lock = Mutex::new(0u64);
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| {
                    for _ in 0..2_000 {
                        *lock.lock().unwrap_or_else(PoisonError::into_inner) += 1;
                    }
                    let _inside = occupancy.enter();
                    gathering.arrive();
                });
            }
        });
        assert_eq!(occupancy.most(), 4);
    }

    #[test]
    fn a_lone_caller_gives_up_after_the_quiet_limit() {
        let gathering = Gathering::new(2, Duration::from_millis(20));
        gathering.arrive();
        assert!(!gathering.gathered());
        // Given up: later callers go straight through.
        gathering.arrive();
        assert!(gathering.gathered());
    }

    #[test]
    fn callers_that_meet_go_on_together() {
        // A quiet limit no test run reaches: only the meeting ends the waits.
        let gathering = Gathering::new(4, Duration::from_secs(3600));
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| gathering.arrive());
            }
        });
        assert!(gathering.gathered());
    }
}
