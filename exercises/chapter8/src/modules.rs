//! The exercise files of chapter 8, in book order: the one list from which this crate and the
//! solution crate (`solutions/chapter8/src/lib.rs`) both declare their modules. A `#[path]`
//! written in a macro resolves next to the `lib.rs` that invokes it, so each crate gets its own
//! files under the same module names.

macro_rules! exercise_modules {
    () => {
        // Drills 8.1 to 8.8 are compiled twice: here, and in `under_loom` against loom's types,
        // for the tests' loom models (see `provided/under_loom.rs`).
        crate::provided::under_loom::compiled_twice! {
            #[path = "01_in_order.rs"]
            pub mod in_order;
            #[path = "02_foo_bar.rs"]
            pub mod foo_bar;
            #[path = "03_zero_even_odd.rs"]
            pub mod zero_even_odd;
            #[path = "04_h2o.rs"]
            pub mod h2o;
            #[path = "05_fizz_buzz.rs"]
            pub mod fizz_buzz;
            #[path = "06_dining_philosophers.rs"]
            pub mod dining_philosophers;
            #[path = "07_bounded_queue.rs"]
            pub mod bounded_queue;
            #[path = "08_thread_pool.rs"]
            pub mod thread_pool;
        }
        #[path = "09_crawler.rs"]
        pub mod crawler;
    };
}
