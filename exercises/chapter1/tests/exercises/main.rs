//! The tests of chapter 1. Run them with `cargo test -p chapter1`.
//!
//! Each module checks one exercise. A failing test names the exercise and the book page to read;
//! a snapshot that does not match shows the expected lines (`-`) against yours (`+`). The
//! snapshots are the answer key: change your code, not the `.snap` files.

mod ex01_global_lock;
mod ex02_one_at_a_time;
mod ex03_taking_turns;
mod ex04_three_models;
