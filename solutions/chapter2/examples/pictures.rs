//! Draws chapter 2's pictures from the reference solutions, into `src/ch02/img/`:
//!
//!     cargo run -p chapter2-solution --example pictures
//!
//! The scenarios are the ones the exercises' tests snapshot, so the book's pictures and the
//! answer key show the same timelines.

use std::path::Path;

use chapter2::interval_gil::IntervalGil;
use chapter2::tick_gil::TickGil;
use support::sim::{GilPolicy, Scenario, Step, ThreadSpec, thread};

fn two_cpu_threads() -> [ThreadSpec; 2] {
    [
        thread("T1", [Step::Python(20)]),
        thread("T2", [Step::Python(20)]),
    ]
}

fn draw(file: &str, title: &str, policy: impl GilPolicy + 'static, threads: Vec<ThreadSpec>) {
    let timeline = Scenario::new()
        .process("python", policy, threads)
        .run()
        .unwrap_or_else(|error| panic!("{file}: {error}"));
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../src/ch02/img")
        .join(file);
    std::fs::write(&path, support::timeline::svg(&timeline, title))
        .unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
    println!("wrote {}", path.display());
}

fn main() {
    draw(
        "tick-gil.svg",
        "Before 3.2: a check every 4 ticks; the waiter wins every 3rd battle",
        TickGil::new(4, 3),
        two_cpu_threads().to_vec(),
    );
    draw(
        "interval-gil.svg",
        "Since 3.2: drop request after a 5-tick wait, then a forced switch",
        IntervalGil::new(5),
        two_cpu_threads().to_vec(),
    );
    draw(
        "interval-gil-three.svg",
        "Since 3.2: three CPU-bound threads, interval 5 ticks",
        IntervalGil::new(5),
        ["T1", "T2", "T3"]
            .map(|name| thread(name, [Step::Python(12)]))
            .to_vec(),
    );
    draw(
        "convoy.svg",
        "The convoy effect: I/O-bound T2 beside CPU-bound T1, interval 5 ticks",
        IntervalGil::new(5),
        vec![
            thread("T1", [Step::Python(50)]),
            thread("T2", [Step::Io(2), Step::Python(1)].repeat(5)),
        ],
    );
    draw(
        "tick-gil-io.svg",
        "Before 3.2: T2 back from I/O must win a GIL battle",
        TickGil::new(4, 3),
        vec![
            thread("T1", [Step::Python(60)]),
            thread("T2", [Step::Io(2), Step::Python(1)].repeat(4)),
        ],
    );
}
