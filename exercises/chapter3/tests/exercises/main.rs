//! The tests of chapter 3. Run them with `cargo test -p chapter3`.
//!
//! Each `exNN_` module checks one exercise. A failing test names the exercise and the book page to
//! read; a snapshot that does not match shows the expected lines (`-`) against yours (`+`). The
//! snapshots are the answer key: change your code, not the `.snap` files.

mod occupancy;

mod ex01_sum_of_squares;
mod ex02_lock_or_free;
mod ex03_rayon;
mod ex04_requests;
mod ex05_amdahl;
mod ex06_mixed_work;
