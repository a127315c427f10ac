//! Exercise 4.3: rayon, the Rust answer to "use all the cores".
//! Book: src/ch04/03-rayon.md

use rayon::ThreadPoolBuilder;
use rayon::prelude::*;

// ANCHOR: solution
/// `work` applied to every input on all cores; the results in input order, like `pool.map`.
pub fn par_map(inputs: &[u64], work: impl Fn(u64) -> u64 + Sync) -> Vec<u64> {
    inputs.par_iter().map(|&input| work(input)).collect()
}

/// Map, then reduce: the (wrapping) total of `work(input)` over all inputs, on all cores.
pub fn par_total(inputs: &[u64], work: impl Fn(u64) -> u64 + Sync) -> u64 {
    inputs
        .par_iter()
        .map(|&input| work(input))
        // `reduce` needs an identity for each piece rayon splits off, and an associative
        // combination: the pieces are added up in whatever grouping rayon chose.
        .reduce(|| 0, u64::wrapping_add)
}

/// `work` called once per chunk of `chunk_size` inputs (the last chunk may be shorter); one
/// result per chunk, in order. Tiny items are worth batching: one call per chunk, not per item.
pub fn par_chunks_map(
    inputs: &[u64],
    chunk_size: usize,
    work: impl Fn(&[u64]) -> u64 + Sync,
) -> Vec<u64> {
    // `par_chunks(0)` panics: a chunk must hold at least one item.
    inputs.par_chunks(chunk_size.max(1)).map(&work).collect()
}

/// Like [`par_map`], but on a pool of exactly `threads` threads of its own instead of rayon's
/// global pool (one thread per core): the `processes=` argument of `Pool`.
pub fn par_map_on_pool(
    threads: usize,
    inputs: &[u64],
    work: impl Fn(u64) -> u64 + Sync + Send,
) -> Vec<u64> {
    let pool = ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("the operating system refused to start the pool's threads");
    // `install` runs the closure inside the pool: every parallel iterator in it uses this pool.
    pool.install(|| par_map(inputs, work))
}
// ANCHOR_END: solution
