//! The synchronisation types the drills use: std's, or loom's with `--features loom`.
//!
//! Write `use crate::sync::{Condvar, Mutex};` in a drill instead of `std::sync`, and the very
//! same code runs on real threads in the normal tests and under loom's model checker, which tries
//! every interleaving of a small run (`cargo test -p chapter8 --features loom`).

#[cfg(feature = "loom")]
pub use loom::sync::{Condvar, Mutex, MutexGuard};
#[cfg(not(feature = "loom"))]
pub use std::sync::{Condvar, Mutex, MutexGuard};
