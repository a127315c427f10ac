//! Exercise 3.1: the CPU-bound task.
//! Book: src/ch03/01-cpu-bound-task.md
//!
//! The classic tutorial's `cpu_bound_task(n)` adds `i ** 2` for every `i` below `n`: pure computation, no
//! waiting. Write it in Rust, and a way to cut the work into pieces for several threads.
//!
//! - `sum_of_squares(numbers)`: the sum of `i * i` over the range (end excluded), as a `u128`
//!   (the classic tutorial's `n = 10_000_000` gives 333333283333335000000, too big for a `u64`).
//! - `split(numbers, parts)`: `parts` consecutive pieces, in order, covering the range exactly
//!   once, sizes differing by at most one: the first `len % parts` pieces get the extra number
//!   (`split(0..10, 3)` is `[0..4, 4..7, 7..10]`).
//!
//! The tests check the values. They cannot check that the loop survives the optimiser: in
//! release mode LLVM may turn a plain loop into the closed formula and time nothing. Pass each
//! number through `std::hint::black_box` so the loop stays a loop (the book explains why).

use std::hint::black_box;
use std::ops::Range;

/// The sum of `i * i` for every `i` in `numbers`: the classic tutorial's `cpu_bound_task`, in Rust.
pub fn sum_of_squares(numbers: Range<u64>) -> u128 {
    // TODO: a loop over `numbers` that adds up the squares, each `i` through `black_box`.
    todo!()
}

/// Splits `numbers` into `parts` consecutive pieces, in order, that cover it exactly once.
/// Sizes differ by at most one: the first `len % parts` pieces get the extra number.
pub fn split(numbers: Range<u64>, parts: usize) -> Vec<Range<u64>> {
    // TODO: len / parts numbers per piece, plus one for the first len % parts pieces.
    todo!()
}
