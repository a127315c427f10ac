//! Exercise 2.3: the GIL before Python 3.2 (book: src/ch02/03-tick-gil.md).

use chapter2::tick_gil::TickGil;
use support::Exercise;
use support::sim::{Scenario, Step, thread};

use super::simulated::{check_alternation, check_stretches, cpu_bound, run, waits_of};

const EXERCISE: Exercise = Exercise::new("2.3", "ch02/03-tick-gil.md")
    .with_hang_hint("choose() must return at once: does it loop waiting for something to change?");

/// Checks every 4 ticks; the waiter wins every third battle.
fn old_gil() -> TickGil {
    TickGil::new(4, 3)
}

#[test]
fn two_cpu_bound_threads_fight_gil_battles() {
    let title = "two CPU-bound threads, a check every 4 ticks, the waiter wins every 3rd battle";
    let scenario = Scenario::new().process("python", old_gil(), cpu_bound([20, 20]));
    let answer = run(&EXERCISE, title, scenario).report(title);
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

/// Other check intervals and battle odds, not in the answer key, with the boundaries: a check
/// every tick, and a waiter that wins every battle. Two CPU-bound threads swap the GIL every
/// `check_interval * waiter_wins_every` ticks.
#[test]
fn other_intervals_and_odds_swap_every_interval_times_odds() {
    for (check_interval, waiter_wins_every, ticks) in
        [(3, 2, [14, 10]), (1, 2, [5, 5]), (5, 1, [12, 7])]
    {
        let title = format!(
            "T1 and T2 with {} and {} ticks of Python, a check every {check_interval} ticks, the \
             waiter wins every battle number divisible by {waiter_wins_every}",
            ticks[0], ticks[1]
        );
        let policy = TickGil::new(check_interval, waiter_wins_every);
        let scenario = Scenario::new().process("python", policy, cpu_bound(ticks));
        let timeline = run(&EXERCISE, &title, scenario);
        let period = check_interval * u64::from(waiter_wins_every);
        check_alternation(&EXERCISE, &title, &timeline, ticks, period);
    }
}

/// A check while the other thread is blocked on I/O is no battle: nobody waits, the holder just
/// goes on, and the battle count (which decides who wins the next one) stays where it was.
#[test]
fn a_check_with_nobody_waiting_is_no_battle() {
    let title = "T1 with 20 ticks of Python beside T2 (5 ticks of I/O, then 6 of Python), a check \
                 every 4 ticks, the waiter wins every 2nd battle";
    let threads = [
        thread("T1", [Step::Python(20)]),
        thread("T2", [Step::Io(5), Step::Python(6)]),
    ];
    let scenario = Scenario::new().process("python", TickGil::new(4, 2), threads);
    let timeline = run(&EXERCISE, title, scenario);
    // Tick 4: T2 is in I/O, no battle. Tick 8: battle 1, T1 wins. Tick 12: battle 2, T2 wins.
    // Tick 16: battle 3, T2 runs on. T2 is done after tick 17, and T1 finishes its work.
    check_stretches(
        &EXERCISE,
        title,
        &timeline,
        &["T1 0-11", "T2 12-17", "T1 18-25"],
    );
}
