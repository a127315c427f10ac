//! What a simulation recorded: the state of every thread at every tick, and ways to draw it.

mod ascii;
#[cfg(feature = "svg")]
mod svg;

pub use ascii::render as ascii;
#[cfg(feature = "svg")]
pub use svg::render as svg;

/// Virtual time, in ticks. Think of one tick as "a little while": only ratios matter.
pub type Tick = u64;

/// A simulated thread, numbered in the order threads were added to a scenario (from 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ThreadId(pub usize);

/// Something drawn on the timeline at a tick, such as a GIL policy's drop request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub at: Tick,
    pub thread: Option<ThreadId>,
    pub text: String,
}

/// What a simulated thread did during one tick.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum State {
    /// Ran Python code, holding its process's GIL.
    Python,
    /// Wanted to run Python code, but another thread held the GIL.
    WaitingForGil,
    /// Blocked on I/O, with the GIL released.
    Io,
    /// Ran native code that released the GIL.
    Native,
    /// Had nothing left to do.
    Done,
}

impl State {
    /// Every state in the order legends list them.
    pub const ALL: [State; 5] = [
        State::Python,
        State::WaitingForGil,
        State::Io,
        State::Native,
        State::Done,
    ];

    /// Whether a thread in this state gets its work done (waiting and being done do not).
    pub fn makes_progress(self) -> bool {
        matches!(self, State::Python | State::Io | State::Native)
    }

    /// The character that draws this state in an ASCII timeline.
    pub fn symbol(self) -> char {
        match self {
            State::Python => '=',
            State::WaitingForGil => '.',
            State::Io => '~',
            State::Native => '#',
            State::Done => ' ',
        }
    }

    /// What the state means, for legends.
    pub fn meaning(self) -> &'static str {
        match self {
            State::Python => "runs Python (holds the GIL)",
            State::WaitingForGil => "waits for the GIL",
            State::Io => "blocks on I/O (GIL released)",
            State::Native => "native code (GIL released)",
            State::Done => "finished",
        }
    }
}

/// One simulated thread's line in a timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub thread: String,
    pub process: String,
    pub states: Vec<State>,
}

impl Row {
    pub(crate) fn new(thread: &str, process: &str) -> Self {
        Self {
            thread: thread.to_owned(),
            process: process.to_owned(),
            states: Vec::new(),
        }
    }

    /// The tick after this thread's last piece of work (0 if it had none).
    pub fn finished_at(&self) -> Tick {
        self.states
            .iter()
            .rposition(|&state| state != State::Done)
            .map_or(0, |last| last as Tick + 1)
    }

    /// How many ticks this thread spent in `state`.
    pub fn ticks_in(&self, state: State) -> Tick {
        self.states.iter().filter(|&&s| s == state).count() as Tick
    }

    /// Each unbroken stretch of waiting for the GIL, as (first tick, length).
    pub fn waits(&self) -> Vec<(Tick, Tick)> {
        runs(&self.states)
            .filter(|run| run.0 == State::WaitingForGil)
            .map(|run| (run.1, run.2))
            .collect()
    }
}

/// Everything that happened in a simulation, tick by tick.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    /// One row per thread, in the order the threads were added.
    pub rows: Vec<Row>,
    /// What the policies asked to have drawn, such as drop requests.
    pub notes: Vec<Note>,
    /// The processes whose threads share a GIL, in order (the others are free-threaded).
    pub gil_processes: Vec<String>,
}

impl Timeline {
    /// Who held the GIL of `process` at each tick: the index of the row that ran Python then.
    pub fn gil_holders(&self, process: &str) -> Vec<Option<usize>> {
        (0..self.total_ticks() as usize)
            .map(|tick| {
                self.rows.iter().position(|row| {
                    row.process == process && row.states.get(tick) == Some(&State::Python)
                })
            })
            .collect()
    }

    /// How long the whole scenario took.
    pub fn total_ticks(&self) -> Tick {
        self.rows.iter().map(Row::finished_at).max().unwrap_or(0)
    }

    /// The row of a thread.
    pub fn row(&self, thread: ThreadId) -> &Row {
        &self.rows[thread.0]
    }

    /// The row of the thread with this name.
    pub fn row_named(&self, name: &str) -> Option<&Row> {
        self.rows.iter().find(|row| row.thread == name)
    }

    /// The largest number of threads that ran Python in the same tick.
    pub fn max_parallel_python(&self) -> usize {
        (0..self.total_ticks() as usize)
            .map(|tick| {
                self.rows
                    .iter()
                    .filter(|row| row.states.get(tick) == Some(&State::Python))
                    .count()
            })
            .max()
            .unwrap_or(0)
    }

    /// How often the GIL passed from one thread to another, summed over all processes.
    pub fn handoffs(&self) -> usize {
        let mut processes: Vec<&str> = self.rows.iter().map(|row| row.process.as_str()).collect();
        processes.dedup();
        processes
            .into_iter()
            .map(|process| {
                let mut last_runner = None;
                let mut handoffs = 0;
                for tick in 0..self.total_ticks() as usize {
                    let runner = self.rows.iter().position(|row| {
                        row.process == process && row.states.get(tick) == Some(&State::Python)
                    });
                    if let Some(runner) = runner {
                        if last_runner.is_some_and(|last| last != runner) {
                            handoffs += 1;
                        }
                        last_runner = Some(runner);
                    }
                }
                handoffs
            })
            .sum()
    }

    /// Draws the timeline in ASCII, one character per tick; see [`ascii`].
    pub fn ascii(&self) -> String {
        ascii(self, 1)
    }
}

/// Splits states into runs of one state: (state, first tick, length).
pub(crate) fn runs(states: &[State]) -> impl Iterator<Item = (State, Tick, Tick)> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        let &first = states.get(start)?;
        let length = states[start..]
            .iter()
            .take_while(|&&state| state == first)
            .count();
        let run = (first, start as Tick, length as Tick);
        start += length;
        Some(run)
    })
}

impl Timeline {
    /// A titled report for snapshots and the book: the totals, then the ASCII timeline.
    pub fn report(&self, title: &str) -> String {
        format!(
            "{title}\ntotal: {} ticks | most threads running Python at once: {} | GIL hand-offs: {}\n{}",
            self.total_ticks(),
            self.max_parallel_python(),
            self.handoffs(),
            self.ascii()
        )
    }
}
