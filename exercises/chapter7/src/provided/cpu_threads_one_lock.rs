//! Provided for exercise 7.1: the numbers shared out across threads. You do not need to change
//! anything here: the mistake is in what each thread does, in `01_cpu_threads_one_lock.rs`.

use std::thread;

/// Splits `items` into at most `threads` parts of nearly equal length and runs `work` on every
/// part at once, each on a thread of its own; returns when all of them are done.
pub fn on_threads<T: Sync>(items: &[T], threads: usize, work: impl Fn(&[T]) + Sync) {
    // Rounded up, so that an uneven split still makes no more parts than threads.
    let part_len = items.len().div_ceil(threads.max(1)).max(1);
    thread::scope(|scope| {
        for part in items.chunks(part_len) {
            let work = &work;
            scope.spawn(move || work(part));
        }
    });
}
