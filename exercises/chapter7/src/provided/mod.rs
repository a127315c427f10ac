//! Provided code: types, helpers and test doubles the exercises use, complete. One copy,
//! shared by the exercise crate and its solution crate; read it, you do not change it.

pub mod cpu_threads_one_lock;
pub mod processes_for_io;
pub mod blocking_in_async;
pub mod lock_across_await;
pub mod lock_order;
pub mod untrusted_messages;
