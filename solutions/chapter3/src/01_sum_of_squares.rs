//! Exercise 3.1: the CPU-bound task.
//! Book: src/ch03/01-cpu-bound-task.md

use std::hint::black_box;
use std::ops::Range;

// ANCHOR: solution
/// The sum of `i * i` for every `i` in `numbers`: the classic tutorial's `cpu_bound_task`, in Rust.
pub fn sum_of_squares(numbers: Range<u64>) -> u128 {
    let mut total: u128 = 0;
    for i in numbers {
        // `black_box` hides `i` from the optimiser. Without it LLVM may replace the whole loop
        // with the closed formula n(n-1)(2n-1)/6, and we would be timing a multiplication.
        let i = u128::from(black_box(i));
        total += i * i;
    }
    total
}

/// Splits `numbers` into `parts` consecutive pieces, in order, that cover it exactly once.
/// Sizes differ by at most one: the first `len % parts` pieces get the extra number.
pub fn split(numbers: Range<u64>, parts: usize) -> Vec<Range<u64>> {
    assert!(parts > 0, "split into zero pieces");
    let parts = parts as u64;
    let len = numbers.end.saturating_sub(numbers.start);
    let (base, extra) = (len / parts, len % parts);
    let mut start = numbers.start;
    (0..parts)
        .map(|index| {
            let size = base + u64::from(index < extra);
            let piece = start..start + size;
            start = piece.end;
            piece
        })
        .collect()
}
// ANCHOR_END: solution
