//! The exercise files of chapter 6, in book order: the one list from which this crate and the
//! solution crate (`solutions/chapter6/src/lib.rs`) both declare their modules. A `#[path]`
//! written in a macro resolves next to the `lib.rs` that invokes it, so each crate gets its own
//! files under the same module names.

macro_rules! exercise_modules {
    () => {
        #[path = "01_classify.rs"]
        pub mod classify;
        #[path = "02_decide.rs"]
        pub mod decide;
    };
}
