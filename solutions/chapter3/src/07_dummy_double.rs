//! Exercise 3.7: a dummy exercise that doubles.
//! Book: src/ch03/07-dummy-double.md
//!
//! The reference solution; the book shows the part between the anchors.

// ANCHOR: solution
/// Twice `input`.
pub fn dummy_double(input: u64) -> u64 {
    input * 2
}
// ANCHOR_END: solution
