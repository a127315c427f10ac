//! Exercise 1.3: taking turns (book: src/ch01/03-taking-turns.md).

use chapter1::taking_turns::TakeTurns;
use support::Exercise;
use support::sim::{Scenario, Step, ThreadSpec, Tick, thread};
use support::timeline::{State, Timeline};

const EXERCISE: Exercise = Exercise::new("1.3", "ch01/03-taking-turns.md").with_hang_hint(
    "choose() must return quickly: does it loop while waiting for something to change?",
);

/// Runs `threads` in one process under the learner's policy with turns of 4 ticks (the book's),
/// and reports the timeline.
fn report(title: &str, threads: impl IntoIterator<Item = ThreadSpec>) -> String {
    let scenario = Scenario::new().process("python", TakeTurns { turn: 4 }, threads);
    EXERCISE
        .run(|| scenario.run())
        .unwrap_or_else(|error| EXERCISE.fail(format!("{title}: {error}")))
        .report(title)
}

#[test]
fn three_cpu_bound_threads_take_turns() {
    let threads = [
        thread("T1", [Step::Python(12)]),
        thread("T2", [Step::Python(12)]),
        thread("T3", [Step::Python(8)]),
    ];
    let timeline = report("three CPU-bound threads, turns of 4 ticks", threads);
    EXERCISE.answer_key(|| insta::assert_snapshot!(timeline));
}

#[test]
fn a_thread_that_blocks_lets_the_others_run() {
    let threads = [
        thread("T1", [Step::Python(6), Step::Io(6), Step::Python(6)]),
        thread("T2", [Step::Python(16)]),
    ];
    let timeline = report("T1 blocks on I/O halfway, turns of 4 ticks", threads);
    EXERCISE.answer_key(|| insta::assert_snapshot!(timeline));
}

#[test]
fn a_lone_thread_keeps_the_gil() {
    let threads = [thread("T1", [Step::Python(10)])];
    let timeline = report("one thread alone, turns of 4 ticks", threads);
    EXERCISE.answer_key(|| insta::assert_snapshot!(timeline));
}

/// The rule itself, checked tick by tick on scenarios that are not in the answer key (other
/// turn lengths, a thread that blocks and comes back), so a policy fitted to the book's pictures
/// (a turn of 4 written into the code) fails too.
#[test]
fn the_rule_holds_for_other_turns_and_scripts() {
    let scenarios: [(Tick, Vec<ThreadSpec>); 3] = [
        (
            3,
            vec![
                thread("T1", [Step::Python(7)]),
                thread("T2", [Step::Python(5)]),
                thread("T3", [Step::Python(2), Step::Io(3), Step::Python(4)]),
            ],
        ),
        (
            5,
            vec![
                thread("T1", [Step::Python(11)]),
                thread("T2", [Step::Python(6)]),
            ],
        ),
        (
            1,
            vec![
                thread("T1", [Step::Python(3)]),
                thread("T2", [Step::Python(3)]),
            ],
        ),
    ];
    for (turn, threads) in scenarios {
        let title = format!("turns of {turn} ticks, threads {}", names(&threads));
        let scenario = Scenario::new().process("python", TakeTurns { turn }, threads);
        let timeline = EXERCISE
            .run(|| scenario.run())
            .unwrap_or_else(|error| EXERCISE.fail(format!("{title}: {error}")));
        if let Some(broken) = broken_turn_rule(&timeline, turn) {
            EXERCISE.fail(format!("{title}: {broken}"));
        }
    }
}

fn names(threads: &[ThreadSpec]) -> String {
    let names: Vec<&str> = threads.iter().map(|spec| spec.name.as_str()).collect();
    names.join(", ")
}

/// The first tick at which the timeline breaks exercise 1.3's rule, in words.
fn broken_turn_rule(timeline: &Timeline, turn: Tick) -> Option<String> {
    let holders = timeline.gil_holders("python");
    let name = |row: usize| timeline.rows[row].thread.as_str();
    let state = |row: usize, tick: usize| timeline.rows[row].states.get(tick).copied();
    let waiting_at = |tick: usize| -> Vec<usize> {
        (0..timeline.rows.len())
            .filter(|&row| state(row, tick) == Some(State::WaitingForGil))
            .collect()
    };
    // The tick from which `row` has been waiting without a break, up to `tick`.
    let waiting_since = |row: usize, tick: usize| {
        (0..tick)
            .rev()
            .take_while(|&before| state(row, before) == Some(State::WaitingForGil))
            .last()
            .unwrap_or(tick)
    };
    let mut held_since = 0;
    for (tick, &holder) in holders.iter().enumerate() {
        let waiting = waiting_at(tick);
        let previous = tick.checked_sub(1).and_then(|before| holders[before]);
        let Some(holder) = holder else {
            if let Some(&waiter) = waiting.first() {
                return Some(format!(
                    "at tick {tick} nobody held the GIL while {} waited for it",
                    name(waiter)
                ));
            }
            continue;
        };
        if previous != Some(holder) {
            if let Some(old) = previous
                && state(old, tick) == Some(State::WaitingForGil)
                && tick - held_since < turn as usize
            {
                return Some(format!(
                    "at tick {tick} {} had to give up the GIL after only {} ticks; the turn is \
                     {turn}",
                    name(old),
                    tick - held_since
                ));
            }
            let own_wait = waiting_since(holder, tick);
            if let Some(&longer) = waiting
                .iter()
                .find(|&&waiter| waiting_since(waiter, tick) < own_wait)
            {
                return Some(format!(
                    "at tick {tick} the GIL went to {}, but {} had been waiting longer",
                    name(holder),
                    name(longer)
                ));
            }
            held_since = tick;
        }
        let held = tick - held_since;
        if held >= turn as usize
            && let Some(&waiter) = waiting.first()
        {
            return Some(format!(
                "at tick {tick} {} still held the GIL after {held} ticks while {} waited; after \
                 a turn of {turn} ticks it must hand over",
                name(holder),
                name(waiter)
            ));
        }
    }
    None
}
