//! Exercise 5.1: fetch a page and parse it, every failure a result.
//! Book: src/ch05/01-fetch-and-parse.md

use scraper::{Html, Selector};

pub use crate::provided::fetch_and_parse::{
    Page, ScrapeError, Scraped, blocking_client, scrape_error,
};

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
