//! Reference solutions to chapter 6 of *The GIL, Hands-On*: choosing an approach.
//!
//! Each module answers the exercise file of the same name in `exercises/chapter6/src/`, and the
//! book walks through it on the exercise's page.

/// The provided code: the exercise crate's own files, so that there is one copy.
#[path = "../../../exercises/chapter6/src/provided/mod.rs"]
pub mod provided;

#[path = "01_classify.rs"]
pub mod classify;
#[path = "02_decide.rs"]
pub mod decide;
