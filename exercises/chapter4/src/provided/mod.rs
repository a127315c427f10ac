//! Provided code: types, helpers and test doubles the exercises use, complete. One copy,
//! shared by the exercise crate and its solution crate; read it, you do not change it.

pub mod json_lines;
pub mod one_worker;
pub mod process_pool;
pub mod async_fetch;
