//! The book's GIL lab: a scenario in, the timeline (SVG) and the figures the chapters talk about
//! out. The pages run this code compiled to WebAssembly (see `src/wasm.rs` and `scripts/lab`);
//! the native test `tests/book_pictures.rs` checks that it draws the book's pictures exactly.
//!
//! It is the book's own code, not a copy: the scheduler and the drawing are `support`'s, the
//! policies are the reference solutions'. Chapter 1's `TakeTurns` comes from its crate; chapter
//! 2's policies are compiled from the solution's own files with `#[path]`, because the chapter 2
//! crate also builds loom (for exercise 2.1), which does not build for WebAssembly.
//!
//! A scenario is a few lines of text, one setting per line (or per `|`, which lets a page write
//! it in one HTML attribute):
//!
//! ```text
//! title Three threads share one GIL
//! policy turns 4
//! thread T1 python 12
//! thread T2 python 6 io 6 native 3 python 2
//! ```
//!
//! Policies: `lock` (hold until blocked), `turns N` (take turns every N ticks), `ticks N`
//! (before Python 3.2: a check every N ticks, the waiter winning every third battle, as in the
//! book), `interval N` (since 3.2: a drop request after N ticks of waiting), `processes N` (one
//! process, and one GIL taking turns every N ticks, per thread) and `free` (no GIL).

mod wasm;

/// Chapter 2's provided types that its policies are built on: the exercise crate's own files.
#[path = "../../exercises/chapter2/src/provided"]
mod provided {
    pub mod interval_gil;
    pub mod notes;
    pub mod tick_gil;
}

#[path = "../../solutions/chapter2/src/04_interval_gil.rs"]
pub mod interval_gil;
#[path = "../../solutions/chapter2/src/03_tick_gil.rs"]
pub mod tick_gil;

use chapter1::taking_turns::TakeTurns;
use support::sim::{HoldUntilBlocked, Limits, Scenario, Step, ThreadSpec, Tick, thread};
use support::timeline::{State, Timeline};

use interval_gil::IntervalGil;
use tick_gil::TickGil;

/// The most threads, steps per thread and ticks per step a scenario may have: enough for any
/// question the chapters ask, small enough that every redraw is instant.
pub const MAX_THREADS: usize = 8;
pub const MAX_STEPS: usize = 12;
pub const MAX_STEP_TICKS: Tick = 200;
pub const MAX_INTERVAL: Tick = 100;

/// How a scenario's GIL (or GILs) hands over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    Lock,
    Turns(Tick),
    Ticks(Tick),
    Interval(Tick),
    Processes(Tick),
    Free,
}

/// What the lab runs: a title for the picture, a policy and the threads.
#[derive(Clone, Debug)]
pub struct LabScenario {
    pub title: String,
    pub policy: Policy,
    pub threads: Vec<ThreadSpec>,
}

/// What the chapters count in a timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Figures {
    pub total_ticks: Tick,
    pub handoffs: usize,
    pub most_running_python: usize,
    /// Ticks spent waiting for the GIL, all threads together.
    pub waiting_ticks: Tick,
    /// The longest unbroken wait for the GIL.
    pub longest_wait: Tick,
    /// The longest a thread back from I/O waited for the GIL before it could go on.
    pub longest_wait_after_io: Tick,
    /// Marks the policy drew (drop requests, battles won).
    pub notes: usize,
}

/// Reads a scenario written as in the module's documentation.
pub fn parse(text: &str) -> Result<LabScenario, String> {
    let mut title = String::from("Your scenario");
    let mut policy = None;
    let mut threads = Vec::new();
    for line in text
        .split(['\n', '|'])
        .map(str::trim)
        .filter(|line| !line.is_empty())
    {
        let (key, rest) = line.split_once(' ').unwrap_or((line, ""));
        match key {
            "title" => title = rest.trim().to_owned(),
            "policy" => policy = Some(parse_policy(rest)?),
            "thread" => threads.push(parse_thread(rest)?),
            _ => return Err(format!("unknown line '{line}'")),
        }
    }
    if threads.is_empty() || threads.len() > MAX_THREADS {
        return Err(format!("a scenario needs 1 to {MAX_THREADS} threads"));
    }
    let policy = policy.ok_or("a scenario needs a policy line")?;
    Ok(LabScenario {
        title,
        policy,
        threads,
    })
}

fn parse_policy(text: &str) -> Result<Policy, String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let interval = || -> Result<Tick, String> {
        let value = words.get(1).ok_or("the policy needs an interval")?;
        match value.parse::<Tick>() {
            Ok(ticks @ 1..=MAX_INTERVAL) => Ok(ticks),
            _ => Err(format!("the interval must be 1 to {MAX_INTERVAL} ticks")),
        }
    };
    Ok(match words.first().copied() {
        Some("lock") => Policy::Lock,
        Some("turns") => Policy::Turns(interval()?),
        Some("ticks") => Policy::Ticks(interval()?),
        Some("interval") => Policy::Interval(interval()?),
        Some("processes") => Policy::Processes(interval()?),
        Some("free") => Policy::Free,
        _ => return Err(format!("unknown policy '{text}'")),
    })
}

fn parse_thread(text: &str) -> Result<ThreadSpec, String> {
    let mut words = text.split_whitespace();
    let name = words.next().ok_or("a thread needs a name")?;
    let words: Vec<&str> = words.collect();
    if words.is_empty() || !words.len().is_multiple_of(2) || words.len() / 2 > MAX_STEPS {
        return Err(format!(
            "{name} needs 1 to {MAX_STEPS} steps, each a kind and a number of ticks"
        ));
    }
    let mut steps = Vec::new();
    for pair in words.chunks(2) {
        let ticks = match pair[1].parse::<Tick>() {
            Ok(ticks @ 1..=MAX_STEP_TICKS) => ticks,
            _ => return Err(format!("a step lasts 1 to {MAX_STEP_TICKS} ticks")),
        };
        steps.push(match pair[0] {
            "python" => Step::Python(ticks),
            "io" => Step::Io(ticks),
            "native" => Step::Native(ticks),
            kind => return Err(format!("unknown step '{kind}'")),
        });
    }
    Ok(thread(name, steps))
}

/// Runs a scenario on the book's scheduler.
pub fn simulate(lab: &LabScenario) -> Result<Timeline, String> {
    let threads = lab.threads.clone();
    let scenario = match lab.policy {
        Policy::Lock => Scenario::new().process("python", HoldUntilBlocked, threads),
        Policy::Turns(turn) => Scenario::new().process("python", TakeTurns { turn }, threads),
        // The waiter wins every third battle, as in the book's pictures of chapter 2.
        Policy::Ticks(every) => Scenario::new().process("python", TickGil::new(every, 3), threads),
        Policy::Interval(interval) => {
            Scenario::new().process("python", IntervalGil::new(interval), threads)
        }
        Policy::Processes(turn) => threads
            .into_iter()
            .fold(Scenario::new(), |scenario, worker| {
                let process = worker.name.clone();
                scenario.process(process, TakeTurns { turn }, [worker])
            }),
        Policy::Free => Scenario::new().free_threaded_process("python3.14t", threads),
    };
    // Small limits: a scenario the lab accepts ends in at most 8 x 12 x 200 ticks of work.
    let limits = Limits {
        max_ticks: 100_000,
        ..Limits::default()
    };
    scenario
        .limits(limits)
        .run()
        .map_err(|error| error.to_string())
}

/// The figures of a timeline.
pub fn figures(timeline: &Timeline) -> Figures {
    let waits = timeline.rows.iter().flat_map(|row| row.waits());
    Figures {
        total_ticks: timeline.total_ticks(),
        handoffs: timeline.handoffs(),
        most_running_python: timeline.max_parallel_python(),
        waiting_ticks: waits.clone().map(|(_, length)| length).sum(),
        longest_wait: waits.map(|(_, length)| length).max().unwrap_or(0),
        longest_wait_after_io: timeline
            .rows
            .iter()
            .flat_map(|row| waits_after_io(&row.states))
            .max()
            .unwrap_or(0),
        notes: timeline.notes.len(),
    }
}

/// For each return from I/O, how long the thread then waited for the GIL (0 if at once).
fn waits_after_io(states: &[State]) -> Vec<Tick> {
    let mut found = Vec::new();
    for (index, pair) in states.windows(2).enumerate() {
        if pair[0] == State::Io && pair[1] != State::Io {
            let waited = states[index + 1..]
                .iter()
                .take_while(|&&state| state == State::WaitingForGil)
                .count();
            found.push(waited as Tick);
        }
    }
    found
}

/// The lab's whole answer: a first line of figures as JSON, then the SVG; or one line of JSON
/// with an error.
pub fn run(text: &str) -> String {
    let outcome = parse(text).and_then(|lab| Ok((simulate(&lab)?, lab.title)));
    match outcome {
        Ok((timeline, title)) => {
            let f = figures(&timeline);
            format!(
                "{{\"total\":{},\"handoffs\":{},\"parallel\":{},\"waiting\":{},\"longestWait\":{},\"ioLatency\":{},\"notes\":{}}}\n{}",
                f.total_ticks,
                f.handoffs,
                f.most_running_python,
                f.waiting_ticks,
                f.longest_wait,
                f.longest_wait_after_io,
                f.notes,
                support::timeline::svg(&timeline, &title)
            )
        }
        Err(error) => format!(
            "{{\"error\":\"{}\"}}",
            error.replace('\\', "\\\\").replace('"', "\\\"")
        ),
    }
}
