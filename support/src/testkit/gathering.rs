use std::sync::{Condvar, Mutex, PoisonError};
use std::time::Duration;

/// Holds the callers of a region until `want` of them are there together, so that threads
/// able to run at the same time are caught at the same time (an [`Occupancy`] then sees them
/// all inside at once), whatever the machine's load.
///
/// Why a limit at all: when the code under test cannot let them meet (every caller holds one
/// lock that the others wait for), nobody else ever arrives, and the test cannot see that they
/// are blocked on a lock it does not own. So the gathering gives up once nobody new has arrived
/// for `quiet`: threads that can run together arrive within microseconds, so the limit only
/// ends a wait that would never end. Once gathered or given up, nobody waits again.
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
    /// has come for the quiet limit.
    pub fn arrive(&self) {
        // A caller that panicked while waiting does not make the count wrong.
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.arrived += 1;
        state.over |= state.arrived >= self.want;
        self.changed.notify_all();
        while !state.over {
            let arrived = state.arrived;
            let (next, waited) = self
                .changed
                .wait_timeout(state, self.quiet)
                .unwrap_or_else(PoisonError::into_inner);
            state = next;
            if waited.timed_out() && state.arrived == arrived {
                state.over = true;
                self.changed.notify_all();
            }
        }
    }

    /// Whether the wanted number of callers arrived (rather than the gathering giving up).
    pub fn gathered(&self) -> bool {
        let state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.arrived >= self.want
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
