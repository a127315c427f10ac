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
//! [`testkit`] holds what the tests repeat: an occupancy counter, readable tables, a
//! paused-clock tokio runtime (feature `paused-clock`), and medians for the examples.
//!
//! With the `site` feature, [`site`] starts a small website on 127.0.0.1 (a real HTTP server)
//! for the chapters whose programs fetch pages.

pub mod exercise;
pub mod program;
pub mod sim;
#[cfg(feature = "site")]
pub mod site;
pub mod testkit;
pub mod timeline;

pub use exercise::Exercise;
