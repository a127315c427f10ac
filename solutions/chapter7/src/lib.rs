//! Reference solutions to chapter 7 of *The GIL, Hands-On*: common mistakes, found and fixed.
//!
//! Each module fixes the mistake in the exercise file of the same name in
//! `exercises/chapter7/src/`, and the book walks through the fix on the exercise's page.

/// The provided code: the exercise crate's own files, so that there is one copy.
#[path = "../../../exercises/chapter7/src/provided/mod.rs"]
pub mod provided;

#[path = "01_cpu_threads_one_lock.rs"]
pub mod cpu_threads_one_lock;
#[path = "02_tiny_tasks.rs"]
pub mod tiny_tasks;
#[path = "03_processes_for_io.rs"]
pub mod processes_for_io;
#[path = "04_blocking_in_async.rs"]
pub mod blocking_in_async;
#[path = "05_lock_across_await.rs"]
pub mod lock_across_await;
#[path = "06_lock_order.rs"]
pub mod lock_order;
#[path = "07_untrusted_messages.rs"]
pub mod untrusted_messages;
