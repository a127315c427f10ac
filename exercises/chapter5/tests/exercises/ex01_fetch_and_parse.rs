//! Exercise 5.1: fetch a page and parse it (book: src/ch05/01-fetch-and-parse.md).

use std::time::Duration;

use chapter5::fetch_and_parse::{Scraped, blocking_client, fetch_and_parse, parse_page};
use support::Exercise;
use support::site::Site;

use crate::{LATENCY, TIMEOUT, row};

const EXERCISE: Exercise = Exercise::new("5.1", "ch05/01-fetch-and-parse.md").with_hang_hint(
    "a request with no timeout waits forever for a page that never answers: use the client \
     you are given, which has one",
);

#[test]
fn parse_page_finds_the_title_in_any_html() {
    let bodies: [(&str, &str); 6] = [
        (
            "plain",
            "<html><head><title>Hello</title></head><body>hi</body></html>",
        ),
        ("spaces around", "<title>\n   Spaced   out \n</title>"),
        (
            "no title",
            "<html><body><h1>Heading only</h1></body></html>",
        ),
        (
            "unclosed tags",
            "<html><head><title>Broken <b>bold</title><body><p>a<p>b</div>",
        ),
        ("two titles", "<title>First</title><title>Second</title>"),
        ("empty body", ""),
    ];
    let pages = EXERCISE.run(move || {
        bodies
            .iter()
            .map(|(name, body)| (*name, parse_page(body.as_bytes())))
            .collect::<Vec<_>>()
    });
    let mut table = String::from("html            title                  length\n");
    for (name, page) in pages {
        table.push_str(&format!(
            "{name:<15} {:<22} {:>6}\n",
            format!("{:?}", page.title),
            page.length
        ));
    }
    insta::assert_snapshot!(table);
}

#[test]
fn every_kind_of_page_gives_a_result_never_a_crash() {
    let site = Site::start(LATENCY);
    let urls: Vec<String> = [
        "/page/home",
        "/missing",
        "/malformed",
        "/untitled",
        "/never",
    ]
    .iter()
    .map(|path| site.url(path))
    .collect();
    let scraped = EXERCISE.run_within(Duration::from_secs(15), move || {
        let client = blocking_client(TIMEOUT);
        urls.into_iter()
            .map(|url| {
                let page = fetch_and_parse(&client, &url);
                Scraped { url, page }
            })
            .collect::<Vec<_>>()
    });
    let mut table = String::from("url             title                   length\n");
    for scraped in &scraped {
        table.push_str(&row(&site, scraped));
    }
    insta::assert_snapshot!(table);
}
