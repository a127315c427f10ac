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

use scraper::{Html, Selector};

pub use crate::provided::fetch_and_parse::{
    Page, ScrapeError, Scraped, blocking_client, scrape_error,
};

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
