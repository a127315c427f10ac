//! The book's pictures for chapter 2: timelines of the reference solutions, in the scenarios
//! the exercises' tests snapshot. Not an exercise: the project's picture check (`tests/pictures.rs`)
//! draws them into `src/ch02/img/` and compares them with the committed files.

use support::sim::{GilPolicy, Scenario, Step, ThreadSpec, thread};
use support::timeline::Timeline;

use crate::interval_gil::IntervalGil;
use crate::tick_gil::TickGil;

/// One picture: its file name under `src/ch02/img/`, its title, and what it shows.
pub struct Picture {
    pub file: &'static str,
    pub title: &'static str,
    pub timeline: Timeline,
}

/// Every picture of chapter 2.
pub fn all() -> Vec<Picture> {
    vec![
        picture(
            "tick-gil.svg",
            "Before 3.2: a check every 4 ticks; the waiter wins every 3rd battle",
            TickGil::new(4, 3),
            cpu_bound(&["T1", "T2"], 20),
        ),
        picture(
            "tick-gil-io.svg",
            "Before 3.2: T2 back from I/O must win a GIL battle",
            TickGil::new(4, 3),
            vec![
                thread("T1", [Step::Python(60)]),
                thread("T2", [Step::Io(2), Step::Python(1)].repeat(4)),
            ],
        ),
        picture(
            "interval-gil.svg",
            "Since 3.2: drop request after a 5-tick wait, then a forced switch",
            IntervalGil::new(5),
            cpu_bound(&["T1", "T2"], 20),
        ),
        picture(
            "interval-gil-three.svg",
            "Since 3.2: three CPU-bound threads, interval 5 ticks",
            IntervalGil::new(5),
            cpu_bound(&["T1", "T2", "T3"], 12),
        ),
        picture(
            "convoy.svg",
            "The convoy effect: I/O-bound T2 beside CPU-bound T1, interval 5 ticks",
            IntervalGil::new(5),
            vec![
                thread("T1", [Step::Python(50)]),
                thread("T2", [Step::Io(2), Step::Python(1)].repeat(5)),
            ],
        ),
    ]
}

fn cpu_bound(names: &[&str], ticks: u64) -> Vec<ThreadSpec> {
    names
        .iter()
        .map(|&name| thread(name, [Step::Python(ticks)]))
        .collect()
}

fn picture(
    file: &'static str,
    title: &'static str,
    policy: impl GilPolicy + 'static,
    threads: Vec<ThreadSpec>,
) -> Picture {
    let timeline = Scenario::new()
        .process("python", policy, threads)
        .run()
        .unwrap_or_else(|error| panic!("{file}: {error}"));
    Picture {
        file,
        title,
        timeline,
    }
}
