//! Provided for exercise `01_fetch_and_parse.rs`: complete, and shared with its solution.

use std::fmt;
use std::time::Duration;

/// What the scraper keeps of a page: the classic tutorial's `{'url', 'title', 'length'}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// The text of the first `<title>`, trimmed; `None` when the page has none.
    pub title: Option<String>,
    /// The size of the body in bytes (the classic tutorial's `len(response.content)`).
    pub length: usize,
}

/// Why a URL produced no page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScrapeError {
    /// The server answered with an error status, such as 404.
    Status(u16),
    /// No complete answer within the client's timeout.
    TimedOut,
    /// Anything else: refused connection, broken response, ...
    Failed(String),
}

impl fmt::Display for ScrapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Status(code) => write!(f, "HTTP status {code}"),
            Self::TimedOut => write!(f, "timed out"),
            Self::Failed(why) => write!(f, "failed: {why}"),
        }
    }
}

/// One URL and what became of it. A scraper returns one of these per URL, in input order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scraped {
    pub url: String,
    pub page: Result<Page, ScrapeError>,
}

/// A blocking HTTP client whose every request gives up after `timeout`. Share one client
/// between threads (it is cheap to clone and keeps connections open for reuse).
pub fn blocking_client(timeout: Duration) -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .timeout(timeout)
        .build()
        .expect("an HTTP client with default settings always builds")
}

/// Turns a reqwest error into the scraper's own.
pub fn scrape_error(error: &reqwest::Error) -> ScrapeError {
    if error.is_timeout() {
        ScrapeError::TimedOut
    } else if let Some(status) = error.status() {
        ScrapeError::Status(status.as_u16())
    } else {
        ScrapeError::Failed(error.to_string())
    }
}
