//! Exercise 5.1: fetch a page and parse it, every failure a result.
//! Book: src/ch05/01-fetch-and-parse.md

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

// ANCHOR: solution
/// Parses a body as HTML and measures it. Malformed HTML is not an error: like a browser (and
/// BeautifulSoup), html5ever repairs it.
pub fn parse_page(body: &[u8]) -> Page {
    let html = Html::parse_document(&String::from_utf8_lossy(body));
    let title_selector = Selector::parse("title").expect("a valid CSS selector");
    let title = html
        .select(&title_selector)
        .next()
        .map(|title| title.text().collect::<String>().trim().to_owned());
    Page {
        title,
        length: body.len(),
    }
}

/// Fetches `url` with `client` and parses it. An error status (404) is an error, unlike the
/// classic tutorial's version, which would parse the error page and report its title.
pub fn fetch_and_parse(client: &reqwest::blocking::Client, url: &str) -> Result<Page, ScrapeError> {
    let response = client
        .get(url)
        .send()
        .and_then(reqwest::blocking::Response::error_for_status)
        .map_err(|error| scrape_error(&error))?;
    // Reading the body can time out too: the timeout covers the whole request.
    let body = response.bytes().map_err(|error| scrape_error(&error))?;
    Ok(parse_page(&body))
}
// ANCHOR_END: solution
