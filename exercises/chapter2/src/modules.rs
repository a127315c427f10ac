//! The exercise files of chapter 2, in book order: the one list from which this crate and the
//! solution crate (`solutions/chapter2/src/lib.rs`) both declare their modules. A `#[path]`
//! written in a macro resolves next to the `lib.rs` that invokes it, so each crate gets its own
//! files under the same module names.

macro_rules! exercise_modules {
    () => {
        #[path = "01_refcounts.rs"]
        pub mod refcounts;
        #[path = "02_rc_vs_arc.rs"]
        pub mod rc_vs_arc;
        #[path = "03_tick_gil.rs"]
        pub mod tick_gil;
        #[path = "04_interval_gil.rs"]
        pub mod interval_gil;
        #[path = "05_release.rs"]
        pub mod release;
    };
}
