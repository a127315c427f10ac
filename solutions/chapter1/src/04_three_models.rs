//! Exercise 1.4: one thread, threads under a GIL, processes, and no GIL at all.
//! Book: src/ch01/04-three-models.md

use support::sim::{HoldUntilBlocked, Scenario, Step, ThreadSpec, Tick, thread};

use crate::taking_turns::TakeTurns;

// ANCHOR: solution
/// All the work, one piece after another, on a single thread named `main`.
pub fn one_thread(work: &[Tick]) -> Scenario {
    let script = work.iter().map(|&ticks| Step::Python(ticks));
    Scenario::new().process("python", HoldUntilBlocked, [thread("main", script)])
}

/// One thread per piece of work (`T1`, `T2`, ...), all in one process whose GIL takes turns.
pub fn threads_under_one_gil(work: &[Tick], turn: Tick) -> Scenario {
    Scenario::new().process("python", TakeTurns { turn }, one_thread_each(work, "T"))
}

/// One process per piece of work (`P1`, `P2`, ...), each with a single thread and its own GIL.
pub fn processes(work: &[Tick], turn: Tick) -> Scenario {
    one_thread_each(work, "P")
        .into_iter()
        .fold(Scenario::new(), |scenario, worker| {
            let process = worker.name.clone();
            scenario.process(process, TakeTurns { turn }, [worker])
        })
}

/// One thread per piece of work (`T1`, `T2`, ...) in a process with no GIL, like `python3.14t`.
pub fn free_threaded(work: &[Tick]) -> Scenario {
    Scenario::new().free_threaded_process("python3.14t", one_thread_each(work, "T"))
}

/// A thread for each piece of work, named `{prefix}1`, `{prefix}2`, ...
fn one_thread_each(work: &[Tick], prefix: &str) -> Vec<ThreadSpec> {
    work.iter()
        .enumerate()
        .map(|(index, &ticks)| thread(format!("{prefix}{}", index + 1), [Step::Python(ticks)]))
        .collect()
}
// ANCHOR_END: solution
