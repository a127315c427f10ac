//! Exercise 4.3: rayon, the Rust answer to "use all the cores".
//! Book: src/ch04/03-rayon.md
//!
//! What `multiprocessing.Pool` does for Python, rayon does for Rust with threads: no processes,
//! no pickling, no GIL. Write four small functions with `rayon::prelude::*`:
//!
//! - `par_map`: `work` on every input, results in input order (`par_iter().map(..).collect()`).
//! - `par_total`: map, then reduce to one wrapping total (`reduce` with an identity).
//! - `par_chunks_map`: `work` once per chunk of `chunk_size` inputs (`par_chunks`), one result
//!   per chunk in order. `par_chunks(0)` panics: treat a chunk size of 0 as 1.
//! - `par_map_on_pool`: like `par_map`, on a pool of exactly `threads` threads of its own
//!   (`ThreadPoolBuilder::new().num_threads(..)`, then `pool.install(..)`).
//!
//! The tests record, inside `work`, whether it ran on rayon's threads and in a pool of which
//! size. They cannot check that you used every core: a sequential loop on one rayon thread
//! would pass `par_map_on_pool(1, ..)` too. The speedup is measured by the example `pool_costs`.

use rayon::ThreadPoolBuilder;
use rayon::prelude::*;

/// `work` applied to every input on all cores; the results in input order, like `pool.map`.
pub fn par_map(inputs: &[u64], work: impl Fn(u64) -> u64 + Sync) -> Vec<u64> {
    // TODO: inputs.par_iter()...
    todo!()
}

/// Map, then reduce: the (wrapping) total of `work(input)` over all inputs, on all cores.
pub fn par_total(inputs: &[u64], work: impl Fn(u64) -> u64 + Sync) -> u64 {
    // TODO: map, then `.reduce(|| 0, u64::wrapping_add)`.
    todo!()
}

/// `work` called once per chunk of `chunk_size` inputs (the last chunk may be shorter); one
/// result per chunk, in order. Tiny items are worth batching: one call per chunk, not per item.
pub fn par_chunks_map(
    inputs: &[u64],
    chunk_size: usize,
    work: impl Fn(&[u64]) -> u64 + Sync,
) -> Vec<u64> {
    // TODO: inputs.par_chunks(...)
    todo!()
}

/// Like [`par_map`], but on a pool of exactly `threads` threads of its own instead of rayon's
/// global pool (one thread per core): the `processes=` argument of `Pool`.
pub fn par_map_on_pool(
    threads: usize,
    inputs: &[u64],
    work: impl Fn(u64) -> u64 + Sync + Send,
) -> Vec<u64> {
    // TODO: ThreadPoolBuilder::new().num_threads(threads).build(), then pool.install(...).
    todo!()
}
