//! The exercise files of chapter 5, in book order: the one list from which this crate and the
//! solution crate (`solutions/chapter5/src/lib.rs`) both declare their modules. A `#[path]`
//! written in a macro resolves next to the `lib.rs` that invokes it, so each crate gets its own
//! files under the same module names.

macro_rules! exercise_modules {
    () => {
        #[path = "01_fetch_and_parse.rs"]
        pub mod fetch_and_parse;
        #[path = "02_threaded.rs"]
        pub mod threaded;
        #[path = "03_async.rs"]
        pub mod r#async;
        #[path = "04_chunks.rs"]
        pub mod chunks;
        #[path = "05_pipeline.rs"]
        pub mod pipeline;
        #[path = "06_processes.rs"]
        pub mod processes;
    };
}
