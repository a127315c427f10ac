//! The learner's runner for *The GIL, Hands-On* (`cargo run -p learn`); see `main.rs`.

pub mod catalog;
pub mod course;
pub mod hints;
pub mod progress;
pub mod runner;
pub mod starters;
pub mod terminal;
pub mod ui;
pub mod watch;
