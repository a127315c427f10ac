//! The tests of chapter 2. Run them with `cargo test -p chapter2`; add `--features loom` for
//! exercise 2.1's test over every interleaving.
//!
//! Each module checks one exercise. A failing test names the exercise and the book page to read;
//! a snapshot that does not match shows the expected lines (`-`) against yours (`+`). The
//! snapshots are the answer key: change your code, not the `.snap` files.

mod simulated;

mod ex01_refcounts;
mod ex02_rc_vs_arc;
mod ex03_tick_gil;
mod ex04_interval_gil;
mod ex05_release;
