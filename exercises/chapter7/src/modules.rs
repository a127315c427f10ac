//! The exercise files of chapter 7, in book order: the one list from which this crate and the
//! solution crate (`solutions/chapter7/src/lib.rs`) both declare their modules. A `#[path]`
//! written in a macro resolves next to the `lib.rs` that invokes it, so each crate gets its own
//! files under the same module names.

macro_rules! exercise_modules {
    () => {
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
    };
}
