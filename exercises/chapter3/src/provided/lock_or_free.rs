//! Provided for exercise 3.2: how a thread walks its piece of the task, step by step.

use std::ops::Range;

/// The steps a thread takes through its piece: consecutive ranges of at most `step` numbers.
pub fn steps(piece: Range<u64>, step: u64) -> impl Iterator<Item = Range<u64>> {
    assert!(step > 0, "a step of zero numbers never gets anywhere");
    (piece.start..piece.end)
        .step_by(usize::try_from(step).unwrap_or(usize::MAX))
        .map(move |start| start..piece.end.min(start.saturating_add(step)))
}
