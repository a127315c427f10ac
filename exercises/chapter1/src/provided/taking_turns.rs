//! Provided for exercise 1.3: the policy's settings. Its switching rule is the exercise
//! (`03_taking_turns.rs`).

use support::sim::Tick;

/// A GIL that makes its holder let go after `turn` ticks whenever another thread is waiting,
/// and hands it to the thread that has waited longest.
#[derive(Clone, Copy, Debug)]
pub struct TakeTurns {
    pub turn: Tick,
}
