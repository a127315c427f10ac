//! Chapter 5 of *The GIL, Hands-On*: real-world programs, a web scraper and a data pipeline.
//!
//! Work through the files in order. Each one starts with what to build and the book page that
//! explains it; `cargo test -p chapter5` checks your work.
//!
//! | file | exercise | book page |
//! |---|---|---|
//! | `01_fetch_and_parse.rs` | 5.1 Fetch a page and parse it | `src/ch05/01-fetch-and-parse.md` |
//! | `02_threaded.rs` | 5.2 The scraper with a bounded number of threads | `src/ch05/02-threads.md` |
//! | `03_async.rs` | 5.3 The scraper on tokio | `src/ch05/03-async.md` |
//! | `04_chunks.rs` | 5.4 Chunks that never come out empty | `src/ch05/04-chunks.md` |
//! | `05_pipeline.rs` | 5.5 The pipeline in parallel, order kept | `src/ch05/05-pipeline.md` |
//! | `06_processes.rs` | 5.6 The pipeline on a process pool | `src/ch05/06-processes.md` |
//!
//! Provided and complete: `pool.rs` and `bin/worker.rs`, the process pool of exercise 5.6 (your
//! pool from chapter 4, with chunks of records for tasks).

// The starter code leaves parameters unused until you fill in the `todo!()`s, and imports what
// the solutions need as a hint.
#![allow(unused_variables, dead_code, unused_imports, unused_mut)]

/// Provided code, complete: what the exercises use and you do not change.
pub mod provided;

// The exercise files, in book order (the list is in `modules.rs`, shared with the solutions).
#[macro_use]
mod modules;
exercise_modules!();

pub mod pool;
