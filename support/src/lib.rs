//! The shared toolbox of *The GIL, Hands-On*.
//!
//! Learners meet two parts of it in their exercises:
//! - [`sim`]: a deterministic scheduler with virtual time. Simulated threads run scripts of
//!   Python work and blocking waits, and a pluggable [`sim::GilPolicy`] decides who holds the GIL
//!   at every tick. The result is a [`timeline::Timeline`].
//! - [`timeline`]: what the scheduler recorded, drawn as ASCII (for snapshots) or SVG (for the book).
//!
//! The tests use the third part, [`exercise`]: a watchdog that turns a hang, an endless loop or a
//! panic in learner code into one readable message that names the book section to read.
//!
//! [`sync`] gives the exercises std's or loom's locks, condition variables, atomics and threads
//! behind one path, with spurious wake-ups injected on a fixed schedule, and (feature `loom`) a
//! [`sync::Model`] that runs loom from a test and tells its findings in one sentence.
//!
//! [`gil::Gil`] is a real lock standing for the GIL in chapter 3's real-thread exercises, in a kind
//! that hands itself over in turns so that tests can see it change hands.
//!
//! [`testkit`] holds what the tests repeat: an occupancy counter, readable tables, a
//! paused-clock tokio runtime (feature `paused-clock`), and medians for the examples.
//!
//! With the `site` feature, [`site`] starts a small website on 127.0.0.1 (a real HTTP server)
//! for the chapters whose programs fetch pages.

// The watchdog measures the process's CPU time, which WebAssembly has no way to read; the book's
// lab (crate `lab`) uses only the scheduler and the timelines.
#[cfg(not(target_family = "wasm"))]
pub mod exercise;
pub mod gil;
pub mod program;
pub mod sim;
#[cfg(feature = "site")]
pub mod site;
pub mod sync;
pub mod testkit;
pub mod timeline;

#[cfg(not(target_family = "wasm"))]
pub use exercise::Exercise;
