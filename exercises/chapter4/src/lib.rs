//! Chapter 4 of *The GIL, Hands-On*: working around the GIL.
//!
//! Work through the files in order. Each one starts with what to build and the book page that
//! explains it; `cargo test -p chapter4` checks your work.
//!
//! | file | exercise | book page |
//! |---|---|---|
//! | `01_one_worker.rs` | 4.1 One worker process, one typed message at a time | `src/ch04/01-one-worker.md` |
//! | `02_process_pool.rs` | 4.2 A process pool that keeps input order | `src/ch04/02-process-pool.md` |
//! | `03_rayon.rs` | 4.3 rayon: every core, no pickling | `src/ch04/03-rayon.md` |
//! | `04_async_fetch.rs` | 4.4 tokio as asyncio | `src/ch04/04-asyncio.md` |
//! | `05_release_the_lock.rs` | 4.5 Native code that releases the lock | `src/ch04/05-releasing-the-lock.md` |
//! | `06_hybrid.rs` | 4.6 A hybrid: async I/O, CPU work elsewhere | `src/ch04/06-hybrid.md` |
//!
//! Provided and complete (read them, do not change them): `protocol.rs` (the messages between
//! the pool and its workers), `worker.rs` and `bin/worker.rs` (the worker process),
//! `interpreter.rs` (a GIL with a PyO3-shaped API), and `provided/` (the fields of 4.1's `Worker`
//! and 4.2's `Pool`, the JSON-lines framing, 4.4's result types).

// The starter code leaves parameters unused until you fill in the `todo!()`s, and imports what
// the solutions need as a hint.
#![allow(unused_variables, dead_code, unused_imports, unused_mut)]

pub mod interpreter;
pub mod protocol;
pub mod worker;

/// Provided code, complete: what the exercises use and you do not change.
pub mod provided;

// The exercise files, in book order (the list is in `modules.rs`, shared with the solutions).
#[macro_use]
mod modules;
exercise_modules!();
