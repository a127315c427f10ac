//! Exercise 3.7: a dummy exercise that doubles.
//! Book: src/ch03/07-dummy-double.md
//!
//! Write `dummy_double`, which doubles its input. The test checks three inputs.

/// Twice `input`.
pub fn dummy_double(input: u64) -> u64 {
    // TODO: the learner's part.
    todo!()
}
