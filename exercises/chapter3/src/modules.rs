//! The exercise files of chapter 3, in book order: the one list from which this crate and the
//! solution crate (`solutions/chapter3/src/lib.rs`) both declare their modules. A `#[path]`
//! written in a macro resolves next to the `lib.rs` that invokes it, so each crate gets its own
//! files under the same module names.

macro_rules! exercise_modules {
    () => {
        #[path = "01_sum_of_squares.rs"]
        pub mod sum_of_squares;
        #[path = "02_lock_or_free.rs"]
        pub mod lock_or_free;
        #[path = "03_rayon.rs"]
        pub mod rayon;
        #[path = "04_requests.rs"]
        pub mod requests;
        #[path = "05_amdahl.rs"]
        pub mod amdahl;
        #[path = "06_mixed_work.rs"]
        pub mod mixed_work;
    };
}
