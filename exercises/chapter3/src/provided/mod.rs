//! Provided code: helpers the exercises use, complete. One copy, shared by the exercise crate
//! and its solution crate; read it, you do not change it.

pub mod lock_or_free;
