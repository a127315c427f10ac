//! Exercise 1.4: one thread, threads under a GIL, processes, and no GIL at all.
//! Book: src/ch01/04-three-models.md
//!
//! The same pieces of CPU-bound work (`work[i]` ticks of Python each), run four ways. Build each
//! as a `Scenario` for the simulated scheduler; the test runs them and draws the timelines.
//!
//! - `one_thread`: a single thread named `main` does every piece, one after another. Any policy
//!   works for a lone thread; use `HoldUntilBlocked`.
//! - `threads_under_one_gil`: one thread per piece, named `T1`, `T2`, ..., in one process whose
//!   GIL is your `TakeTurns { turn }` from exercise 1.3.
//! - `processes`: one process per piece, named `P1`, `P2`, ..., each with one thread of the same
//!   name and a `TakeTurns { turn }` GIL of its own.
//! - `free_threaded`: the threads `T1`, `T2`, ... in one process with no GIL at all.
//!
//! The tests check the pictures and the total time of each model, and each model again on other
//! work (four pieces of 3, 7, 5 and 1 ticks) that is not in the answer key: build from `work`.
//! They cannot tell you which model a real program should use: that is chapter 6.

use support::sim::{Scenario, Tick};

/// All the work, one piece after another, on a single thread named `main`.
pub fn one_thread(work: &[Tick]) -> Scenario {
    // TODO: one process, one thread, a script of `Step::Python` steps.
    todo!()
}

/// One thread per piece of work (`T1`, `T2`, ...), all in one process whose GIL takes turns.
pub fn threads_under_one_gil(work: &[Tick], turn: Tick) -> Scenario {
    // TODO: `Scenario::new().process(name, policy, threads)`.
    todo!()
}

/// One process per piece of work (`P1`, `P2`, ...), each with a single thread and its own GIL.
pub fn processes(work: &[Tick], turn: Tick) -> Scenario {
    // TODO: call `.process(...)` once per piece of work.
    todo!()
}

/// One thread per piece of work (`T1`, `T2`, ...) in a process with no GIL, like `python3.14t`.
pub fn free_threaded(work: &[Tick]) -> Scenario {
    // TODO: `Scenario::new().free_threaded_process(name, threads)`.
    todo!()
}
