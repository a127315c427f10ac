//! Provided code: types, helpers and test doubles the exercises use, complete. One copy,
//! shared by the exercise crate and its solution crate; read it, you do not change it.

pub mod fetch_and_parse;
pub mod r#async;
pub mod chunks;
pub mod pipeline;
pub mod processes;

/// Chapter 4's provided worker handle and message framing (one JSON object per line): the pool of
/// exercise 5.6 (`pool.rs`) is chapter 4's pool, built on the same two pieces.
#[path = "../../../chapter4/src/provided/json_lines.rs"]
pub mod json_lines;
#[path = "../../../chapter4/src/provided/one_worker.rs"]
pub mod one_worker;
