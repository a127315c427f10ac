//! Exercise 2.4: the GIL since Python 3.2 (book: src/ch02/04-interval-gil.md).

use chapter2::interval_gil::IntervalGil;
use support::Exercise;
use support::sim::{HoldUntilBlocked, Scenario, Step, ThreadSpec, thread};

use super::simulated::{check_alternation, cpu_bound, run, waits_of};

const EXERCISE: Exercise = Exercise::new("2.4", "ch02/04-interval-gil.md")
    .with_hang_hint("choose() must return at once: does it loop waiting for something to change?");

#[test]
fn two_cpu_bound_threads_alternate_every_interval() {
    let title = "two CPU-bound threads, switch interval 5 ticks";
    let scenario = Scenario::new().process("python", IntervalGil::new(5), cpu_bound([20, 20]));
    let answer = run(&EXERCISE, title, scenario).report(title);
    EXERCISE.answer_key(|| insta::assert_snapshot!(answer));
}

#[test]
fn a_wait_starts_over_when_someone_else_got_the_gil() {
    let title = "three CPU-bound threads, switch interval 5 ticks";
    let threads = cpu_bound([12, 12, 12]);
    let scenario = Scenario::new().process("python", IntervalGil::new(5), threads);
    let answer = run(&EXERCISE, title, scenario).report(title);
    EXERCISE.answer_key(|| insta::assert_snapshot!(answer));
}

const IO_OPERATIONS: usize = 5;

/// An I/O-bound thread: each operation blocks for 2 ticks, then needs 1 tick of Python.
fn io_thread() -> ThreadSpec {
    thread("T2", [Step::Io(2), Step::Python(1)].repeat(IO_OPERATIONS))
}

fn cpu_thread() -> ThreadSpec {
    thread("T1", [Step::Python(50)])
}

#[test]
fn the_convoy_effect() {
    let title = "convoy: I/O-bound T2 beside CPU-bound T1, switch interval 5 ticks";
    let beside_cpu = run(
        &EXERCISE,
        title,
        Scenario::new().process("python", IntervalGil::new(5), [cpu_thread(), io_thread()]),
    );
    let shorter_interval = run(
        &EXERCISE,
        "the same with a switch interval of 2 ticks",
        Scenario::new().process("python", IntervalGil::new(2), [cpu_thread(), io_thread()]),
    );
    let alone = run(
        &EXERCISE,
        "T2 alone",
        Scenario::new().process("python", IntervalGil::new(5), [io_thread()]),
    );
    // Without a GIL to share, T2's operations take as long as alone: the baseline.
    let cpu_elsewhere = Scenario::new()
        .process("python", HoldUntilBlocked, [io_thread()])
        .process("other", HoldUntilBlocked, [cpu_thread()]);
    let cpu_elsewhere = EXERCISE
        .run(|| cpu_elsewhere.run())
        .expect("the provided scenario runs");
    let t2_done = |timeline: &support::timeline::Timeline| {
        timeline.row_named("T2").map_or(0, |row| row.finished_at())
    };
    let answer = format!(
        "{}\n\
         T2: {IO_OPERATIONS} operations of 2 ticks of I/O + 1 tick of Python\n\
         where T2 runs                       T2 done at  T2's waits for the GIL after I/O\n\
         alone                               {:>10}  {}\n\
         CPU-bound T1 in another process     {:>10}  {}\n\
         beside CPU-bound T1, interval 5     {:>10}  {}\n\
         beside CPU-bound T1, interval 2     {:>10}  {}\n\
         GIL hand-offs: interval 5: {}, interval 2: {}\n",
        beside_cpu.report(title),
        t2_done(&alone),
        waits_of(&alone, "T2", IO_OPERATIONS),
        t2_done(&cpu_elsewhere),
        waits_of(&cpu_elsewhere, "T2", IO_OPERATIONS),
        t2_done(&beside_cpu),
        waits_of(&beside_cpu, "T2", IO_OPERATIONS),
        t2_done(&shorter_interval),
        waits_of(&shorter_interval, "T2", IO_OPERATIONS),
        beside_cpu.handoffs(),
        shorter_interval.handoffs(),
    );
    EXERCISE.answer_key(|| insta::assert_snapshot!(answer));
}

/// Other intervals and lengths, not in the answer key, with the boundary of an interval of one
/// tick: two CPU-bound threads swap the GIL every `interval` ticks.
#[test]
fn other_intervals_swap_every_interval() {
    for (interval, ticks) in [(3, [10, 8]), (1, [4, 3]), (4, [8, 8])] {
        let title = format!(
            "T1 and T2 with {} and {} ticks of Python, switch interval {interval} ticks",
            ticks[0], ticks[1]
        );
        let scenario =
            Scenario::new().process("python", IntervalGil::new(interval), cpu_bound(ticks));
        let timeline = run(&EXERCISE, &title, scenario);
        check_alternation(&EXERCISE, &title, &timeline, ticks, interval);
    }
}
