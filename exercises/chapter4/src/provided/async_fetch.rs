//! Provided for exercise `04_async_fetch.rs`: complete, and shared with its solution.

use std::fmt;

/// Why one URL produced no page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// No answer within the per-request timeout.
    TimedOut,
    /// The fetch itself failed (a 404, a refused connection, ...), with its message.
    Failed(String),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TimedOut => write!(f, "timed out"),
            Self::Failed(why) => write!(f, "failed: {why}"),
        }
    }
}

/// One URL and what became of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fetched {
    pub url: String,
    pub page: Result<String, FetchError>,
}
