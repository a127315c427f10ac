//! The tests of chapter 7. Run them with `cargo test -p chapter7`.
//!
//! Every exercise file starts out holding one mistake, so every test fails at first, with a line
//! of the form `exercise 7.N: <what the test saw go wrong>. Read <the page> in the book`. Find
//! the mistake behind it and fix the code until the line is gone. The snapshots are the answer key: change your code, not
//! the `.snap` files.

mod ex01_cpu_threads_one_lock;
mod ex02_tiny_tasks;
mod ex03_processes_for_io;
mod ex04_blocking_in_async;
mod ex05_lock_across_await;
mod ex06_lock_order;
mod ex07_untrusted_messages;

/// A single-threaded tokio runtime whose clock is paused: timers fire in virtual time, at once
/// and in order, whenever every task is waiting.
fn paused_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .expect("a current-thread tokio runtime")
}

/// Counts what is in flight at once (fetches, computations) and the most ever seen.
#[derive(Default)]
struct InFlight {
    now: std::sync::atomic::AtomicUsize,
    most: std::sync::atomic::AtomicUsize,
    started: std::sync::atomic::AtomicUsize,
}

impl InFlight {
    fn enter(&self) {
        use std::sync::atomic::Ordering::SeqCst;
        let now = self.now.fetch_add(1, SeqCst) + 1;
        self.most.fetch_max(now, SeqCst);
        self.started.fetch_add(1, SeqCst);
    }

    fn leave(&self) {
        self.now.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    }

    fn most(&self) -> usize {
        self.most.load(std::sync::atomic::Ordering::SeqCst)
    }

    fn started(&self) -> usize {
        self.started.load(std::sync::atomic::Ordering::SeqCst)
    }
}
