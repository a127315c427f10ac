//! What the chapters' tests (and the solutions' examples) would otherwise write out again and
//! again, so that an exercise's test file is mostly its scenario and its answer key.
//!
//! - [`Occupancy`]: how many callers are inside a region at once, and the most there ever were:
//!   the way a test sees overlap (or its absence) without timing anything.
//! - [`Gathering`]: holds the callers of a region until enough are there together, so that an
//!   [`Occupancy`] sees threads that can run at once, at once.
//! - [`Table`]: rows of text with aligned columns, for snapshots people read.
//! - [`median`], [`median_time`]: the middle of repeated measurements, for the examples that
//!   print timings.
//! - [`paused_runtime`] (feature `paused-clock`): a tokio runtime whose clock only moves when
//!   every task waits, so that sleeps cost no real time and their order is fixed; [`run_paused`]
//!   runs a future on one.

#[cfg(feature = "paused-clock")]
mod clock;
mod gathering;
mod median;
mod occupancy;
mod table;

#[cfg(feature = "paused-clock")]
pub use clock::{paused_runtime, run_paused};
pub use gathering::Gathering;
pub use median::{median, median_time};
pub use occupancy::{Inside, Occupancy};
pub use table::Table;
