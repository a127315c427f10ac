//! Reference solutions to chapter 3 of *The GIL, Hands-On*: the impact of a GIL on CPU-bound and
//! I/O-bound work.
//!
//! Each module answers the exercise file of the same name in `exercises/chapter3/src/`, and the
//! book walks through it on the exercise's page.

/// The provided code: the exercise crate's own files, so that there is one copy.
#[path = "../../../exercises/chapter3/src/provided/mod.rs"]
pub mod provided;

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
