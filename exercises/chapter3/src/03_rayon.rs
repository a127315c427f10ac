//! Exercise 3.3: the same with rayon.
//! Book: src/ch03/03-rayon.md
//!
//! Exercise 3.2 started one thread per piece by hand. Rayon keeps a pool of threads (one per core
//! by default) and lets idle threads steal work from busy ones, so you can cut the work into
//! more pieces than there are threads and still keep every core busy.
//!
//! `sum_with_rayon` splits `numbers` into `pieces` pieces with `split` from exercise 3.1, and sums
//! `work(piece)` over all of them with a parallel iterator running on `pool`.
//!
//! The tests hand you a pool of two threads and 8 pieces, and record which threads ran `work` and
//! how many at once; then other ranges and numbers of pieces (an empty range, one piece, more
//! pieces than numbers). They cannot see how evenly the pieces were shared between the threads: work
//! stealing decides that at run time.

use std::ops::Range;

use rayon::ThreadPool;
use rayon::prelude::*;

use crate::sum_of_squares::split;

/// Splits `numbers` into `pieces` pieces and lets `pool` sum `work(piece)` over all of them.
pub fn sum_with_rayon(
    pool: &ThreadPool,
    numbers: Range<u64>,
    pieces: usize,
    work: impl Fn(Range<u64>) -> u128 + Sync,
) -> u128 {
    // TODO: `pool.install(|| ...)` around a parallel iterator over the pieces.
    todo!()
}
