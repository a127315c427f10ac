//! The exercise files of chapter 4, in book order: the one list from which this crate and the
//! solution crate (`solutions/chapter4/src/lib.rs`) both declare their modules. A `#[path]`
//! written in a macro resolves next to the `lib.rs` that invokes it, so each crate gets its own
//! files under the same module names.

macro_rules! exercise_modules {
    () => {
        #[path = "01_one_worker.rs"]
        pub mod one_worker;
        #[path = "02_process_pool.rs"]
        pub mod process_pool;
        #[path = "03_rayon.rs"]
        pub mod rayon;
        #[path = "04_async_fetch.rs"]
        pub mod async_fetch;
        #[path = "05_release_the_lock.rs"]
        pub mod release_the_lock;
        #[path = "06_hybrid.rs"]
        pub mod hybrid;
    };
}
