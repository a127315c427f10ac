//! Exercise 5.1: fetch a page and parse it, every failure a result.
//! Book: src/ch05/01-fetch-and-parse.md
//!
//! The classic tutorial's `fetch_and_parse`: `requests.get` then BeautifulSoup. Here: reqwest's blocking
//! client, then the `scraper` crate (html5ever, the HTML parser of the Servo browser engine).
//!
//! - `parse_page`: parse the body with `scraper::Html::parse_document`, find the first
//!   `<title>` with `Selector::parse("title")`, join its text and trim it. No title is `None`.
//!   The length is the body's size in bytes.
//! - `fetch_and_parse`: GET the URL with the client you are given (it has a timeout), turn an
//!   error status into an error (`Response::error_for_status`), read the body, parse it. Every
//!   failure becomes a `ScrapeError` through `scrape_error`; nothing panics.
//!
//! The tests parse well-formed and malformed HTML, then fetch every kind of page from a real
//! server on 127.0.0.1: a page, a 404, malformed HTML, a page without a title and a page that
//! never answers. They cannot check that you read the body only once.

use std::fmt;
use std::time::Duration;

use scraper::{Html, Selector};

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

/// Parses a body as HTML and measures it. Malformed HTML is not an error: like a browser (and
/// BeautifulSoup), html5ever repairs it.
pub fn parse_page(body: &[u8]) -> Page {
    // TODO: Html::parse_document(&String::from_utf8_lossy(body)), then the first <title>.
    todo!()
}

/// Fetches `url` with `client` and parses it. An error status (404) is an error, unlike the
/// classic tutorial's version, which would parse the error page and report its title.
pub fn fetch_and_parse(client: &reqwest::blocking::Client, url: &str) -> Result<Page, ScrapeError> {
    // TODO: client.get(url).send(), error_for_status, bytes(), parse_page.
    todo!()
}
