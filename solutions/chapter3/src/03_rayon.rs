//! Exercise 3.3: the same with rayon.
//! Book: src/ch03/03-rayon.md

use std::ops::Range;

use rayon::ThreadPool;
use rayon::prelude::*;

use crate::sum_of_squares::split;

// ANCHOR: solution
/// Splits `numbers` into `pieces` pieces and lets `pool` sum `work(piece)` over all of them.
pub fn sum_with_rayon(
    pool: &ThreadPool,
    numbers: Range<u64>,
    pieces: usize,
    work: impl Fn(Range<u64>) -> u128 + Sync,
) -> u128 {
    let pieces = split(numbers, pieces);
    // `install` runs the closure on `pool`, so the parallel iterator inside uses its threads
    // rather than rayon's global pool. Idle threads steal pieces from busy ones.
    pool.install(|| pieces.into_par_iter().map(&work).sum())
}
// ANCHOR_END: solution
