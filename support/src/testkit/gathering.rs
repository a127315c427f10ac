use std::sync::{Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How often a waiting caller looks whether anyone could still arrive, once a look has found
/// every other thread asleep.
const LOOK_AGAIN: Duration = Duration::from_millis(20);
/// The first wait after a look that found a thread awake; it doubles, up to `LOOK_AGAIN`, while
/// they keep finding one. Nothing is being waited out before the first look that finds all
/// asleep, so looking soon only ends sooner a gathering whose other threads settle quickly
/// (blocked on the lock that its first caller holds), and the doubling keeps the looks cheap
/// while other threads stay busy (another test running beside this one).
const FIRST_LOOK_SOON: Duration = Duration::from_millis(1);
/// How many looks in a row (so spanning `ASLEEP_LOOKS - 1` intervals of `LOOK_AGAIN`) must find
/// every other thread asleep before the gathering gives up.
const ASLEEP_LOOKS: u32 = 3;

/// Holds the callers of a region until `want` of them are there together, so that threads
/// able to run at the same time are caught at the same time (an [`Occupancy`] then sees them
/// all inside at once), whatever the machine's load.
///
/// When the code under test cannot let them meet (every caller holds one lock that the others
/// wait for), nobody else ever arrives, and the test cannot see that they are blocked on a lock
/// it does not own. So the gathering gives up when nobody new has arrived and every other thread
/// of the process is asleep (Linux says so in `/proc/self/task/*/stat`): a thread that could
/// still arrive is running or waiting for a CPU, however loaded the machine, and is never
/// asleep. Where the system cannot tell, or while other threads of the process are busy (another
/// test running beside this one), it gives up once nobody new has arrived for `quiet`. Once
/// gathered or given up, nobody waits again.
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
        let mut quiet_since = Instant::now();
        // The newest caller looks at once: the evidence is `ASLEEP_LOOKS` looks in a row that
        // find all asleep, `LOOK_AGAIN` apart, and waiting before the first one adds time to
        // that, not evidence.
        let mut next_look = quiet_since;
        let mut asleep_looks = 0;
        let mut look_soon = FIRST_LOOK_SOON;
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
                    // Someone new: that caller looks from now on, so the others wait an interval.
                    quiet_since = Instant::now();
                    next_look = quiet_since + LOOK_AGAIN.min(self.quiet);
                    asleep_looks = 0;
                    look_soon = FIRST_LOOK_SOON;
                }
                continue;
            }
            if quiet_since.elapsed() < self.quiet {
                // Look without holding the gathering's lock: a caller on its way in may be
                // waiting for it, and would look asleep.
                drop(state);
                let asleep = all_others_asleep();
                state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
                // Asleep at several looks in a row, with nobody arriving in between: a thread
                // that can go on is never asleep that long (one held up for a moment by a lock
                // that a running thread holds is awake again at the next look).
                let now = Instant::now();
                let wait = if state.arrived != arrived {
                    quiet_since = now;
                    asleep_looks = 0;
                    look_soon = FIRST_LOOK_SOON;
                    LOOK_AGAIN
                } else if asleep {
                    asleep_looks += 1;
                    LOOK_AGAIN
                } else {
                    asleep_looks = 0;
                    let wait = look_soon;
                    look_soon = (look_soon * 2).min(LOOK_AGAIN);
                    wait
                };
                if asleep_looks < ASLEEP_LOOKS {
                    next_look = now + wait.min(self.quiet);
                    continue;
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

/// Whether every thread of this process but the calling one is asleep (blocked on a lock, a
/// condition variable, a join, a read): then none of them can arrive until something wakes it,
/// and nothing will. Linux only; elsewhere `false`, and the quiet limit decides.
fn all_others_asleep() -> bool {
    // The kernel's thread id of the caller, to leave it out: it is running, looking.
    let Ok(me) = std::fs::read_link("/proc/thread-self") else {
        return false;
    };
    let Ok(threads) = std::fs::read_dir("/proc/self/task") else {
        return false;
    };
    threads.filter_map(Result::ok).all(|thread| {
        if me.ends_with(thread.file_name()) {
            return true;
        }
        // The state is the field after the command name, which is in parentheses and may
        // itself hold spaces or parentheses: read it after the last ')'.
        std::fs::read_to_string(thread.path().join("stat")).is_ok_and(|stat| {
            stat.rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().next())
                .is_some_and(|state| state == "S")
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn callers_blocked_elsewhere_end_the_gathering_without_waiting_out_the_quiet_limit() {
        // The others wait for a lock the first caller holds while it waits in the gathering:
        // they can never arrive. A quiet limit no test run reaches: only seeing them all
        // asleep can end it (or, with other tests busy beside this one, the limit of 60 s).
        let quiet = Duration::from_secs(60);
        let gathering = Gathering::new(3, quiet);
        let lock = Mutex::new(());
        let started = Instant::now();
        std::thread::scope(|scope| {
            for _ in 0..3 {
                scope.spawn(|| {
                    let _held = lock.lock().unwrap_or_else(PoisonError::into_inner);
                    gathering.arrive();
                });
            }
        });
        // Given up with one caller inside, then the others went straight through one by one.
        assert!(started.elapsed() < quiet, "waited out the quiet limit");
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
