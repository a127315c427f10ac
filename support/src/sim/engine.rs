//! The tick loop.

use std::collections::VecDeque;
use std::fmt;

use super::{Holder, LockView, Scenario, Step, ThreadId, Tick, Waiter};
use crate::timeline::{Row, State, Timeline};

/// Bounds that turn a broken policy into an error instead of an endless simulation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The simulation stops with [`SimError::TooLong`] after this many ticks.
    pub max_ticks: Tick,
    /// This many ticks in a row in which no thread makes progress is a [`SimError::Deadlock`];
    /// a free GIL given to nobody for this many ticks while threads wait for it, as others go
    /// on working, is a [`SimError::LostWakeup`].
    pub stall_ticks: Tick,
    /// If set, a thread that waits this long for the GIL is a [`SimError::Starvation`].
    pub max_wait: Option<Tick>,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_ticks: 1_000_000,
            stall_ticks: 1_000,
            max_wait: None,
        }
    }
}

/// Why a simulation could not finish.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SimError {
    /// The policy gave the GIL to a thread that was not asking for it.
    InvalidGrant {
        policy: String,
        at: Tick,
        thread: String,
    },
    /// Nobody made progress for [`Limits::stall_ticks`] ticks although threads still had work.
    Deadlock {
        policy: String,
        at: Tick,
        waiting: Vec<String>,
    },
    /// A thread waited longer than [`Limits::max_wait`] for the GIL while others held it.
    Starvation {
        policy: String,
        at: Tick,
        thread: String,
        waited: Tick,
    },
    /// The scenario was still running after [`Limits::max_ticks`] ticks.
    TooLong { max_ticks: Tick },
    /// The GIL stayed free, given to nobody, for [`Limits::stall_ticks`] ticks while threads
    /// waited for it and other threads went on working: nobody woke the waiters.
    LostWakeup {
        policy: String,
        at: Tick,
        free_for: Tick,
        waiting: Vec<String>,
    },
}

impl fmt::Display for SimError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidGrant { policy, at, thread } => write!(
                f,
                "at tick {at} the policy '{policy}' gave the GIL to {thread}, which was not asking \
                 for it (a policy may only choose the holder or a waiter)"
            ),
            Self::Deadlock {
                policy,
                at,
                waiting,
            } => write!(
                f,
                "deadlock at tick {at}: nobody made progress for a long time while {} waited for \
                 the GIL, and the policy '{policy}' gave it to nobody",
                waiting.join(", ")
            ),
            Self::Starvation {
                policy,
                at,
                thread,
                waited,
            } => write!(
                f,
                "starvation at tick {at}: {thread} has waited {waited} ticks for the GIL under the \
                 policy '{policy}'"
            ),
            Self::LostWakeup {
                policy,
                at,
                free_for,
                waiting,
            } => write!(
                f,
                "lost wake-up at tick {at}: the GIL has been free for {free_for} ticks while {} \
                 waited for it, and the policy '{policy}' woke nobody",
                waiting.join(", ")
            ),
            Self::TooLong { max_ticks } => {
                write!(
                    f,
                    "the simulation was still running after {max_ticks} ticks"
                )
            }
        }
    }
}

impl std::error::Error for SimError {}

/// A simulated thread while the scenario runs.
struct Runner {
    name: String,
    process: usize,
    script: VecDeque<Step>,
    waiting_since: Option<Tick>,
}

impl Runner {
    /// The step it is in, with the ticks it has left; finished steps are dropped.
    fn current(&mut self) -> Option<Step> {
        while let Some(&step) = self.script.front() {
            if ticks_of(step) > 0 {
                return Some(step);
            }
            self.script.pop_front();
        }
        None
    }

    /// One tick of work on the current step.
    fn advance(&mut self) {
        if let Some(step) = self.script.front_mut() {
            *step = match *step {
                Step::Python(left) => Step::Python(left - 1),
                Step::Io(left) => Step::Io(left - 1),
                Step::Native(left) => Step::Native(left - 1),
            };
        }
    }
}

fn ticks_of(step: Step) -> Tick {
    match step {
        Step::Python(ticks) | Step::Io(ticks) | Step::Native(ticks) => ticks,
    }
}

/// A process's GIL while the scenario runs.
struct Lock {
    policy: Box<dyn super::GilPolicy>,
    holder: Option<Holder>,
    last_holder: Option<ThreadId>,
    /// Since when the GIL has been free and given to nobody while threads wanted it.
    ignored_since: Option<Tick>,
}

pub(super) fn run(scenario: Scenario) -> Result<Timeline, SimError> {
    let limits = scenario.limits;
    let mut runners = Vec::new();
    let mut locks = Vec::new();
    let mut rows = Vec::new();
    let mut gil_processes = Vec::new();
    for (index, process) in scenario.processes.into_iter().enumerate() {
        if process.gil.is_some() {
            gil_processes.push(process.name.clone());
        }
        locks.push(process.gil.map(|policy| Lock {
            policy,
            holder: None,
            last_holder: None,
            ignored_since: None,
        }));
        for thread in process.threads {
            rows.push(Row::new(&thread.name, &process.name));
            runners.push(Runner {
                name: thread.name,
                process: index,
                script: thread.script.into(),
                waiting_since: None,
            });
        }
    }

    let mut notes = Vec::new();
    let mut stalled_for: Tick = 0;
    for now in 0.. {
        if runners.iter_mut().all(|runner| runner.current().is_none()) {
            break;
        }
        if now >= limits.max_ticks {
            return Err(SimError::TooLong {
                max_ticks: limits.max_ticks,
            });
        }

        // Every thread works on the step it is in at the start of the tick, and on nothing else.
        let steps: Vec<Option<Step>> = runners.iter_mut().map(Runner::current).collect();
        let mut states = vec![State::Done; runners.len()];
        for (process, lock) in locks.iter_mut().enumerate() {
            let wanting: Vec<ThreadId> = (0..runners.len())
                .filter(|&id| {
                    runners[id].process == process && matches!(steps[id], Some(Step::Python(_)))
                })
                .map(ThreadId)
                .collect();
            let running = match lock {
                None => wanting.clone(),
                Some(lock) => grant(lock, &mut runners, &wanting, now, &mut notes)?
                    .into_iter()
                    .collect(),
            };
            for &ThreadId(id) in &wanting {
                let runner = &mut runners[id];
                if running.contains(&ThreadId(id)) {
                    runner.waiting_since = None;
                    runner.advance();
                    states[id] = State::Python;
                } else {
                    runner.waiting_since.get_or_insert(now);
                    states[id] = State::WaitingForGil;
                }
            }
        }
        for (id, runner) in runners.iter_mut().enumerate() {
            match steps[id] {
                Some(Step::Io(_)) => states[id] = State::Io,
                Some(Step::Native(_)) => states[id] = State::Native,
                _ => continue,
            }
            runner.advance();
        }

        check_waits(&runners, &locks, limits, now)?;
        let progressed = states.iter().any(|state| state.makes_progress());
        stalled_for = if progressed { 0 } else { stalled_for + 1 };
        // Others worked while the GIL sat free: the waiters were forgotten, not deadlocked.
        if stalled_for == 0
            && let Some(lost) = lost_wakeup(&runners, &locks, now, |since| {
                now + 1 - since >= limits.stall_ticks
            })
        {
            return Err(lost);
        }
        if stalled_for >= limits.stall_ticks {
            // A GIL left free while others still worked, until nobody could: a lost wake-up.
            let stall_began = now + 1 - stalled_for;
            let lost = lost_wakeup(&runners, &locks, now, |since| since < stall_began);
            return Err(lost.unwrap_or_else(|| deadlock(&runners, &locks, now)));
        }
        for (row, state) in rows.iter_mut().zip(states) {
            row.states.push(state);
        }
    }
    Ok(Timeline {
        rows,
        notes,
        gil_processes,
    })
}

/// Asks the policy who holds the GIL this tick, and checks that the answer is allowed.
fn grant(
    lock: &mut Lock,
    runners: &mut [Runner],
    wanting: &[ThreadId],
    now: Tick,
    notes: &mut Vec<super::Note>,
) -> Result<Option<ThreadId>, SimError> {
    // A holder that no longer wants the GIL (it finished, or blocks on I/O) released it.
    lock.holder = lock
        .holder
        .filter(|holder| wanting.contains(&holder.thread));
    if wanting.is_empty() {
        lock.ignored_since = None;
        return Ok(None);
    }
    let mut waiters: Vec<Waiter> = wanting
        .iter()
        .filter(|&&thread| lock.holder.is_none_or(|holder| holder.thread != thread))
        .map(|&thread| Waiter {
            thread,
            since: runners[thread.0].waiting_since.unwrap_or(now),
        })
        .collect();
    waiters.sort_by_key(|waiter| (waiter.since, waiter.thread));

    let view = LockView {
        now,
        holder: lock.holder,
        waiters: &waiters,
        last_holder: lock.last_holder,
    };
    let chosen = lock.policy.choose(&view);
    notes.extend(lock.policy.take_notes());
    lock.ignored_since = match chosen {
        Some(_) => None,
        None => lock.ignored_since.or(Some(now)),
    };
    if let Some(thread) = chosen {
        if !wanting.contains(&thread) {
            let name = runners
                .get(thread.0)
                .map_or_else(|| format!("{thread:?}"), |r| r.name.clone());
            return Err(SimError::InvalidGrant {
                policy: lock.policy.name(),
                at: now,
                thread: name,
            });
        }
        if lock.holder.is_none_or(|holder| holder.thread != thread) {
            lock.holder = Some(Holder { thread, since: now });
        }
        lock.last_holder = Some(thread);
    } else {
        lock.holder = None;
    }
    Ok(chosen)
}

fn check_waits(
    runners: &[Runner],
    locks: &[Option<Lock>],
    limits: Limits,
    now: Tick,
) -> Result<(), SimError> {
    let Some(max_wait) = limits.max_wait else {
        return Ok(());
    };
    for runner in runners {
        let Some(since) = runner.waiting_since else {
            continue;
        };
        let waited = now + 1 - since;
        if waited > max_wait {
            // Nobody holds the GIL now: not a greedy holder, a waiter nobody woke.
            if let Some(lost) = lost_wakeup(runners, locks, now, |_| true) {
                return Err(lost);
            }
            return Err(SimError::Starvation {
                policy: policy_name(locks, runner.process),
                at: now,
                thread: runner.name.clone(),
                waited,
            });
        }
    }
    Ok(())
}

/// A [`SimError::LostWakeup`] for the first process whose GIL has been free, given to nobody,
/// since a tick that `too_long` accepts.
fn lost_wakeup(
    runners: &[Runner],
    locks: &[Option<Lock>],
    now: Tick,
    too_long: impl Fn(Tick) -> bool,
) -> Option<SimError> {
    locks.iter().enumerate().find_map(|(process, lock)| {
        let since = lock
            .as_ref()?
            .ignored_since
            .filter(|&since| too_long(since))?;
        Some(SimError::LostWakeup {
            policy: policy_name(locks, process),
            at: now,
            free_for: now + 1 - since,
            waiting: runners
                .iter()
                .filter(|runner| runner.process == process && runner.waiting_since.is_some())
                .map(|runner| runner.name.clone())
                .collect(),
        })
    })
}

fn deadlock(runners: &[Runner], locks: &[Option<Lock>], now: Tick) -> SimError {
    let waiting: Vec<&Runner> = runners
        .iter()
        .filter(|runner| runner.waiting_since.is_some())
        .collect();
    SimError::Deadlock {
        policy: waiting
            .first()
            .map_or_else(String::new, |runner| policy_name(locks, runner.process)),
        at: now,
        waiting: waiting.iter().map(|runner| runner.name.clone()).collect(),
    }
}

fn policy_name(locks: &[Option<Lock>], process: usize) -> String {
    locks[process]
        .as_ref()
        .map_or_else(|| "no GIL".to_owned(), |lock| lock.policy.name())
}
