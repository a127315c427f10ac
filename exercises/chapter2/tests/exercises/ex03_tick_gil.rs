//! Exercise 2.3: the GIL before Python 3.2 (book: src/ch02/03-tick-gil.md).

use chapter2::tick_gil::TickGil;
use support::Exercise;
use support::sim::{Scenario, Step, thread};

use crate::simulated::{run, waits_of};

const EXERCISE: Exercise = Exercise::new("2.3", "ch02/03-tick-gil.md")
    .with_hang_hint("choose() must return at once: does it loop waiting for something to change?");

/// Checks every 4 ticks; the waiter wins every third battle.
fn old_gil() -> TickGil {
    TickGil::new(4, 3)
}

#[test]
fn two_cpu_bound_threads_fight_gil_battles() {
    let title = "two CPU-bound threads, a check every 4 ticks, the waiter wins every 3rd battle";
    let threads = [
        thread("T1", [Step::Python(20)]),
        thread("T2", [Step::Python(20)]),
    ];
    let timeline = run(
        &EXERCISE,
        title,
        Scenario::new().process("python", old_gil(), threads),
    );
    let answer = timeline.report(title);
    EXERCISE.answer_key(|| insta::assert_snapshot!(answer));
}

#[test]
fn a_thread_back_from_io_must_win_a_battle() {
    let title = "T2 does 4 short I/O operations beside CPU-bound T1 (old GIL)";
    let io_operation = [Step::Io(2), Step::Python(1)];
    let threads = [
        thread("T1", [Step::Python(60)]),
        thread("T2", io_operation.repeat(4)),
    ];
    let timeline = run(
        &EXERCISE,
        title,
        Scenario::new().process("python", old_gil(), threads),
    );
    let answer = format!(
        "{}T2's waits for the GIL: {}\n",
        timeline.report(title),
        waits_of(&timeline, "T2", 4)
    );
    EXERCISE.answer_key(|| insta::assert_snapshot!(answer));
}
