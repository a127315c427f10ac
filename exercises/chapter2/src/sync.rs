//! The synchronisation types of exercise 2.1, from `std` or from loom.
//!
//! Plain `cargo test -p chapter2` uses `std`'s types and real threads. With the `loom` feature
//! (`cargo test -p chapter2 --features loom`) the same code uses loom's types, and loom runs the
//! test once for every way the threads can interleave. A cargo feature rather than loom's usual
//! `RUSTFLAGS="--cfg loom"`: that cfg also switches other crates into their loom mode and
//! rebuilds everything.

#[cfg(feature = "loom")]
pub use loom::sync::atomic::{AtomicUsize, Ordering};
#[cfg(feature = "loom")]
pub use loom::sync::{Arc, Mutex, MutexGuard};
#[cfg(feature = "loom")]
pub use loom::thread;

#[cfg(not(feature = "loom"))]
pub use std::sync::atomic::{AtomicUsize, Ordering};
#[cfg(not(feature = "loom"))]
pub use std::sync::{Arc, Mutex, MutexGuard};
#[cfg(not(feature = "loom"))]
pub use std::thread;
