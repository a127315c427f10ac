//! The tests of chapter 4. Run them with `cargo test -p chapter4`.
//!
//! Each module checks one exercise. A failing test names the exercise and the book page to read;
//! a snapshot that does not match shows the expected lines (`-`) against yours (`+`). The
//! snapshots are the answer key: change your code, not the `.snap` files.

mod ex01_one_worker;
mod ex02_process_pool;
mod ex03_rayon;
mod ex04_async_fetch;
mod ex05_release_the_lock;
mod ex06_hybrid;

use std::path::Path;

/// The worker program that cargo built next to these tests: `chapter4-worker` for the exercise
/// crate, `chapter4-solution-worker` for the reference solution (same source, two names, so that
/// the two packages never overwrite each other's binary).
fn worker_program() -> &'static Path {
    let program = option_env!("CARGO_BIN_EXE_chapter4-worker")
        .or(option_env!("CARGO_BIN_EXE_chapter4-solution-worker"))
        .expect("cargo builds the worker program for these tests: run them with cargo test");
    Path::new(program)
}
