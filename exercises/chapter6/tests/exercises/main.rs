//! The tests of chapter 6. Run them with `cargo test -p chapter6`.
//!
//! Each module checks one exercise. A failing test names the exercise and the book page to read;
//! a snapshot that does not match shows the expected lines (`-`) against yours (`+`). The
//! snapshots are the answer key: change your code, not the `.snap` files.

mod ex01_classify;
mod ex02_decide;
