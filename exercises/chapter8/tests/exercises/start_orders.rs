//! Starting threads in a chosen order, and tabulating what each order produced.
//!
//! Most concurrency bugs in these drills hide when the threads happen to arrive in the order the
//! problem prints in. So every test starts its threads in many orders, each with a head start:
//! the next thread starts only once the previous one has finished or is blocked in a
//! `Condvar::wait` (`chapter8::sync` tells; a thread blocked some other way gets [`HEAD_START`]).
//! Beside the head starts, [`run_all_at_once`] releases every thread at the same moment, so that
//! no latecomer's notification can rescue a thread nobody woke. A correct solution gives the
//! same answer for every order.
//!
//! Both watch for a lost wake-up while the threads run: if every unfinished thread is blocked in
//! a wait that no notification has ended, nobody is left to notify, and they report it at once.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt::Display;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Barrier, PoisonError, mpsc};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use chapter8::sync::{Abandoned, abandon_if_all_waiting, is_waiting};
use support::exercise::panic_message;

/// How long a thread blocked other than in `Condvar::wait` (on a lock, or in a loop) runs alone
/// before the next one starts. It only decides how hard the test pushes such a solution.
pub const HEAD_START: Duration = Duration::from_millis(10);

/// How often the starter looks at the threads while it waits for them: at first often, then less
/// and less (up to [`LOOK_AT_MOST_EVERY`]), so that a run that is stuck in a way the starter
/// cannot see (threads blocked on a lock) uses next to no CPU, which is how the watchdog tells
/// stuck from slow.
const LOOK_EVERY: Duration = Duration::from_micros(200);
const LOOK_AT_MOST_EVERY: Duration = Duration::from_millis(50);

/// A task to run on a thread of its own.
pub type Task<'a> = Box<dyn FnOnce() + Send + 'a>;

/// How a run went wrong before it could finish.
#[derive(Debug)]
pub enum Stuck {
    /// Every unfinished thread (indices into the tasks) ended up waiting for a notification
    /// that nobody was left to send.
    LostWakeUp(Vec<usize>),
    /// A thread (an index into the tasks) panicked, with this message.
    Panicked(usize, String),
}

impl Stuck {
    /// The sentence a learner reads, with the tasks' names.
    pub fn describe(&self, names: &[&str]) -> String {
        let name = |task: usize| names.get(task).copied().unwrap_or("?");
        let waiting = match self {
            Self::Panicked(task, message) => {
                return format!("the {} thread panicked: {message}", name(*task));
            }
            Self::LostWakeUp(waiting) => waiting,
        };
        let waiting: Vec<&str> = waiting.iter().map(|&task| name(task)).collect();
        format!(
            "every thread still running ({}) ended up blocked in Condvar::wait with no thread left \
             to notify it: a lost wake-up (a missing notify, or notify_one where another thread \
             needed waking too)",
            waiting.join(", ")
        )
    }
}

/// Runs every task on its own thread, starting them in `order` (indices into `tasks`), each
/// with a head start, and returns when all have finished, or as soon as they are all stuck.
pub fn run_in_order<'a>(order: &[usize], tasks: Vec<Task<'a>>) -> Result<(), Stuck> {
    start(Start::InOrder(order), tasks)
}

/// Runs every task on its own thread, all released at the same moment by a barrier.
pub fn run_all_at_once<'a>(tasks: Vec<Task<'a>>) -> Result<(), Stuck> {
    start(Start::AllAtOnce, tasks)
}

/// How a run starts its threads.
#[derive(Clone, Copy)]
pub enum Start<'o> {
    /// In this order (indices into the tasks), each with a head start.
    InOrder(&'o [usize]),
    /// All released at the same moment.
    AllAtOnce,
}

/// Runs `tasks` as `how` says; see the module documentation.
pub fn start<'a>(how: Start<'_>, tasks: Vec<Task<'a>>) -> Result<(), Stuck> {
    let count = tasks.len();
    let all_at_once: Vec<usize> = (0..count).collect();
    let (order, barrier) = match how {
        Start::InOrder(order) => (order, None),
        Start::AllAtOnce => (&all_at_once[..], Some(Barrier::new(count))),
    };
    let done: Vec<AtomicBool> = (0..count).map(|_| AtomicBool::new(false)).collect();
    // Each thread says when it has finished, so that the starter need not poll for that.
    let (one_finished, a_thread_finished) = mpsc::channel::<()>();
    let panicked: std::sync::Mutex<Option<(usize, String)>> = std::sync::Mutex::new(None);
    let finished = |index: usize| done[index].load(Ordering::SeqCst);
    let mut tasks: Vec<Option<Task<'a>>> = tasks.into_iter().map(Some).collect();
    let mut ids: Vec<Option<ThreadId>> = vec![None; count];
    thread::scope(|scope| {
        for &index in order {
            let task = tasks[index]
                .take()
                .expect("each task appears once in the order");
            let (done, barrier, panicked) = (&done[index], barrier.as_ref(), &panicked);
            let one_finished = one_finished.clone();
            let (id_sender, id) = mpsc::channel();
            scope.spawn(move || {
                let _ = id_sender.send(thread::current().id());
                if let Some(barrier) = barrier {
                    barrier.wait();
                }
                let outcome = panic::catch_unwind(AssertUnwindSafe(task));
                done.store(true, Ordering::SeqCst);
                let _ = one_finished.send(());
                let Err(payload) = outcome else { return };
                // Ended by the starter because of a lost wake-up, which it reports itself.
                if payload.is::<Abandoned>() {
                    return;
                }
                let message = panic_message(payload.as_ref());
                if message.starts_with("not yet implemented") {
                    // The watchdog reports a todo!() as "not implemented yet".
                    panic::resume_unwind(payload);
                }
                let mut panicked = panicked.lock().unwrap_or_else(PoisonError::into_inner);
                panicked.get_or_insert((index, message));
            });
            ids[index] = id.recv().ok();
            if barrier.is_none() {
                // The head start: until this thread has finished or waits for a notification.
                let started = Instant::now();
                while !finished(index)
                    && !ids[index].is_some_and(is_waiting)
                    && started.elapsed() < HEAD_START
                {
                    thread::sleep(LOOK_EVERY);
                }
            }
        }
        // Watch until every thread has finished, or all the unfinished ones are stuck.
        let mut look_every = LOOK_EVERY;
        loop {
            let running: Vec<usize> = (0..count).filter(|&index| !finished(index)).collect();
            if running.is_empty() {
                let panicked = panicked
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .take();
                return match panicked {
                    Some((index, message)) => Err(Stuck::Panicked(index, message)),
                    None => Ok(()),
                };
            }
            let waiting: Vec<ThreadId> = running.iter().filter_map(|&i| ids[i]).collect();
            if abandon_if_all_waiting(&waiting) {
                return Err(Stuck::LostWakeUp(running));
            }
            let _ = a_thread_finished.recv_timeout(look_every);
            look_every = (look_every * 2).min(LOOK_AT_MOST_EVERY);
        }
    })
}

/// Runs the tasks named `names` once in every start order, under the watchdog: `run` starts them
/// as it is told and returns what they printed. Fails the test for the first run that got stuck;
/// returns what each run printed, labelled with `prefix` and the names in that order
/// ("n=5: bar, foo"), for [`outcome_table`].
pub fn printed_in_every_order(
    exercise: support::Exercise,
    prefix: String,
    names: &'static [&'static str],
    run: impl Fn(Start) -> Outcome + Send + 'static,
) -> Vec<(String, String)> {
    let runs = exercise.run(move || {
        permutations(names.len())
            .into_iter()
            .map(|order| {
                let names: Vec<&str> = order.iter().map(|&i| names[i]).collect();
                let label = format!("{prefix}{}", names.join(", "));
                (label, run(Start::InOrder(&order)))
            })
            .collect()
    });
    printed_or_fail(exercise, runs)
}

/// [`printed_in_every_order`] once for each `n` of `ns`, labelled "n=5: ...".
pub fn printed_in_every_order_for_each_n<N: Display + Copy + Send + 'static>(
    exercise: support::Exercise,
    ns: &[N],
    names: &'static [&'static str],
    run: fn(Start, N) -> Outcome,
) -> Vec<(String, String)> {
    ns.iter()
        .flat_map(|&n| {
            printed_in_every_order(exercise, format!("n={n}: "), names, move |how| run(how, n))
        })
        .collect()
}

/// Every order of `0..n`, in lexicographic order.
pub fn permutations(n: usize) -> Vec<Vec<usize>> {
    fn extend(prefix: &mut Vec<usize>, n: usize, all: &mut Vec<Vec<usize>>) {
        if prefix.len() == n {
            all.push(prefix.clone());
            return;
        }
        for next in 0..n {
            if !prefix.contains(&next) {
                prefix.push(next);
                extend(prefix, n, all);
                prefix.pop();
            }
        }
    }
    let mut all = Vec::new();
    extend(&mut Vec::new(), n, &mut all);
    all
}

/// A table of outcomes: each distinct outcome once, with how many start orders produced it and
/// the first of them. A correct solution has exactly one row.
pub fn outcome_table(runs: &[(String, String)]) -> String {
    let mut by_outcome: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (order, outcome) in runs {
        by_outcome.entry(outcome).or_default().push(order);
    }
    let width = by_outcome
        .keys()
        .map(|outcome| outcome.len())
        .max()
        .unwrap_or(0)
        .max(7);
    let mut table = format!(
        "{:<width$} | start orders | for example\n{:-<width$}-|--------------|------------\n",
        "printed", ""
    );
    for (outcome, orders) in by_outcome {
        let count = format!("{} of {}", orders.len(), runs.len());
        table.push_str(&format!(
            "{outcome:<width$} | {count:<12} | {}\n",
            orders[0]
        ));
    }
    table
}

/// What one run printed, or the sentence that says how it got stuck.
pub type Outcome = Result<String, String>;

/// The runs' outcomes, or the test fails with the first run that got stuck.
pub fn printed_or_fail(
    exercise: support::Exercise,
    runs: Vec<(String, Outcome)>,
) -> Vec<(String, String)> {
    runs.into_iter()
        .map(|(label, outcome)| match outcome {
            Ok(printed) => (label, printed),
            Err(stuck) => exercise.fail(format!("started {label}: {stuck}")),
        })
        .collect()
}

/// Starts the threads all at once, `runs` times for each of `inputs` (not in the answer key: a
/// hard-coded answer fails here), and fails for the first run that got stuck or whose outcome is
/// not `expected(input)`. `label(input)` names the input; `what` says what the outcome is
/// ("the threads printed").
pub fn check_all_at_once<I: Send + 'static>(
    exercise: support::Exercise,
    inputs: Vec<I>,
    runs: usize,
    outcome: impl Fn(Start, &I) -> Outcome + Send + 'static,
    expected: impl Fn(&I) -> String + Send + 'static,
    label: impl Fn(&I) -> String + Send + 'static,
    what: &str,
) {
    let outcomes = exercise.run(move || {
        let mut outcomes = Vec::new();
        for input in &inputs {
            for run in 0..runs {
                let label = format!("all at once with {} (run {run})", label(input));
                outcomes.push((label, outcome(Start::AllAtOnce, input), expected(input)));
            }
        }
        outcomes
    });
    for (label, outcome, expected) in outcomes {
        match outcome {
            Err(stuck) => exercise.fail(format!("started {label}: {stuck}")),
            Ok(seen) => exercise.check(
                seen == expected,
                format!("started {label}, {what} \"{seen}\", not \"{expected}\""),
            ),
        }
    }
}

/// [`check_all_at_once`] for a drill whose threads print, once for each `n` of `ns` ("n=5"):
/// `printed(how, n)` starts them, and they must print `expected(n)`.
pub fn check_printed_all_at_once<N: Display + Copy + Send + 'static>(
    exercise: support::Exercise,
    ns: Vec<N>,
    runs: usize,
    printed: fn(Start, N) -> Outcome,
    expected: fn(N) -> String,
) {
    check_all_at_once(
        exercise,
        ns,
        runs,
        move |how, &n| printed(how, n),
        move |&n| expected(n),
        |n| format!("n={n}"),
        "the threads printed",
    );
}
