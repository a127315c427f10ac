//! The exercise files of chapter 1, in book order: the one list from which this crate and the
//! solution crate (`solutions/chapter1/src/lib.rs`) both declare their modules. A `#[path]`
//! written in a macro resolves next to the `lib.rs` that invokes it, so each crate gets its own
//! files under the same module names.

macro_rules! exercise_modules {
    () => {
        #[path = "01_global_lock.rs"]
        pub mod global_lock;
        #[path = "02_one_at_a_time.rs"]
        pub mod one_at_a_time;
        #[path = "03_taking_turns.rs"]
        pub mod taking_turns;
        #[path = "04_three_models.rs"]
        pub mod three_models;
    };
}
