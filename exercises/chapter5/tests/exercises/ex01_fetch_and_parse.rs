//! Exercise 5.1: fetch a page and parse it (book: src/ch05/01-fetch-and-parse.md).

use std::time::Duration;

use chapter5::fetch_and_parse::{Scraped, blocking_client, fetch_and_parse, parse_page};
use support::Exercise;
use support::site::Site;

use crate::{LATENCY, TIMEOUT, row};

/// The timeout of the client that fetches `/never`.
const NEVER_TIMEOUT: Duration = Duration::from_millis(300);

const EXERCISE: Exercise = Exercise::new("5.1", "ch05/01-fetch-and-parse.md").with_hang_hint(
    "a request with no timeout waits forever for a page that never answers: use the client \
     you are given, which has one",
);

#[test]
fn parse_page_finds_the_title_in_any_html() {
    let bodies: [(&str, &str); 7] = [
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
        ("not ascii", "<title>Café ☕</title><p>naïve</p>"),
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
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

/// Titles in no answer key: the title is the text of the first `<title>`, trimmed; the length
/// is the body's size in bytes.
#[test]
fn parse_page_on_other_pages() {
    let bodies: Vec<(String, Option<String>)> = (0..20u32)
        .map(|i| {
            let title = format!(
                "Report {} — part {}",
                i * 37 % 101,
                "ü".repeat(i as usize % 4)
            );
            let body = format!(
                "<html><head>\n <title>  {title}\t</title><title>not this</title></head>\
                 <body>{}</body></html>",
                "<p>row</p>".repeat(i as usize)
            );
            (body, Some(title.trim().to_owned()))
        })
        .chain([("<p>no title at all</p>".to_owned(), None)])
        .collect();
    let given: Vec<String> = bodies.iter().map(|(body, _)| body.clone()).collect();
    let pages = EXERCISE.run(move || {
        given
            .iter()
            .map(|body| parse_page(body.as_bytes()))
            .collect::<Vec<_>>()
    });
    for ((body, title), page) in bodies.iter().zip(&pages) {
        EXERCISE.check(
            page.title == *title && page.length == body.len(),
            format!(
                "parse_page of a {}-byte page titled {title:?} gave {page:?}: the title is the \
                 first <title>'s text, trimmed; the length is the body's size in bytes",
                body.len()
            ),
        );
    }
}

#[test]
fn every_kind_of_page_gives_a_result_never_a_crash() {
    let site = Site::start(LATENCY);
    let urls: Vec<String> = ["/page/home", "/missing", "/malformed", "/untitled"]
        .iter()
        .map(|path| site.url(path))
        .collect();
    let mut scraped = EXERCISE.run_within(Duration::from_secs(15), move || {
        let client = blocking_client(TIMEOUT);
        urls.into_iter()
            .map(|url| {
                let page = fetch_and_parse(&client, &url);
                Scraped { url, page }
            })
            .collect::<Vec<_>>()
    });
    // A page that never answers, with a client that gives up soon: its timeout can only fire,
    // never come early, so a short one costs no certainty.
    let url = site.url("/never");
    scraped.push(EXERCISE.run(move || {
        let client = blocking_client(NEVER_TIMEOUT);
        let page = fetch_and_parse(&client, &url);
        Scraped { url, page }
    }));
    let mut table = String::from("url             title                   length\n");
    for scraped in &scraped {
        table.push_str(&row(&site, scraped));
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}
