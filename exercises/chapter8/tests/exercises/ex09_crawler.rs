//! Exercise 8.9: a concurrent web crawler (book: src/ch08/09-crawler.md).
//!
//! The test serves a small site from a real HTTP server on 127.0.0.1 (a port the system picks),
//! counts every request, and measures how many are open at once.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use chapter8::crawler::crawl;
use support::Exercise;
use support::testkit::Occupancy;

const EXERCISE: Exercise = Exercise::new("8.9", "ch08/09-crawler.md").with_hang_hint(
    "the crawl never ends: workers wait for new pages that will never come. The crawl is over \
     when the queue is empty and no fetch is in flight; then every waiting worker must be woken",
);

/// Pages of the site of the answer key, besides the home page "/".
const PAGES: usize = 24;

/// A site of `pages` pages besides "/": "/" links to the first ten pages, a page that does not
/// exist and another host; every page links to the next one, to one further away, back home,
/// and to another host.
fn page(path: &str, pages: usize) -> Option<String> {
    let links: Vec<String> = if path == "/" {
        (0..10)
            .map(|i| format!("/page/{i}"))
            .chain(["/missing".to_owned(), "http://example.com/".to_owned()])
            .collect()
    } else {
        let i: usize = path
            .strip_prefix("/page/")?
            .parse()
            .ok()
            .filter(|&i| i < pages)?;
        vec![
            format!("/page/{}", (i + 1) % pages),
            format!("/page/{}", (2 * i + 3) % pages),
            "/".to_owned(),
            "http://example.com/elsewhere".to_owned(),
        ]
    };
    let anchors: String = links
        .iter()
        .map(|link| format!("<li><a href=\"{link}\">{link}</a></li>\n"))
        .collect();
    Some(format!(
        "<html><body><h1>{path}</h1><ul>\n{anchors}</ul></body></html>\n"
    ))
}

/// A real HTTP/1.0 server for the site, with a request log.
struct Site {
    address: SocketAddr,
    pages: usize,
    requests: Mutex<BTreeMap<String, usize>>,
    /// The requests being answered right now, and the most there ever were at once.
    open: Occupancy,
    /// Until this opens, each page request waits (at most 2 s) for `limit` requests to be open
    /// at once, and then a little longer, in case a crawler opens more than allowed: one that
    /// keeps fewer requests open shows up as a smaller "most requests at once", one that opens
    /// more as a larger one.
    rendezvous_open: AtomicBool,
    limit: usize,
    stopping: AtomicBool,
}

impl Site {
    fn start(limit: usize, pages: usize) -> Arc<Site> {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a port on 127.0.0.1");
        let site = Arc::new(Site {
            address: listener.local_addr().expect("the server's own address"),
            pages,
            requests: Mutex::new(BTreeMap::new()),
            open: Occupancy::new(),
            rendezvous_open: AtomicBool::new(false),
            limit,
            stopping: AtomicBool::new(false),
        });
        let server = Arc::clone(&site);
        thread::spawn(move || {
            // Bounded: the crawl makes a few dozen requests.
            for stream in listener.incoming().take(1000) {
                if server.stopping.load(Ordering::SeqCst) {
                    return;
                }
                if let Ok(stream) = stream {
                    let server = Arc::clone(&server);
                    thread::spawn(move || server.answer(stream));
                }
            }
        });
        site
    }

    fn answer(&self, mut stream: TcpStream) {
        let _ = stream.set_read_timeout(Some(Duration::from_secs(3)));
        let _ = stream.set_write_timeout(Some(Duration::from_secs(3)));
        let mut request_line = String::new();
        let mut reader = BufReader::new(&stream);
        if reader.read_line(&mut request_line).is_err() {
            return;
        }
        // Read the rest of the request head, up to the empty line.
        let mut line = String::new();
        while reader.read_line(&mut line).map(|n| n > 2).unwrap_or(false) {
            line.clear();
        }
        let path = request_line
            .split_whitespace()
            .nth(1)
            .unwrap_or("")
            .to_owned();
        *self
            .requests
            .lock()
            .unwrap()
            .entry(path.clone())
            .or_default() += 1;

        let open = self.open.enter();
        if path.starts_with("/page/") {
            self.wait_for_company();
        }
        let response = match page(&path, self.pages) {
            Some(body) => format!(
                "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            ),
            None => "HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_owned(),
        };
        let _ = stream.write_all(response.as_bytes());
        // Count the request as finished before closing: the crawler cannot start its next
        // request on this worker until it has seen the connection close.
        drop(open);
    }

    fn wait_for_company(&self) {
        // How long the requests stay open once the limit is reached: time for a crawler that
        // does not respect the limit to open one more. A correct one pays it once per crawl.
        const GRACE: Duration = Duration::from_millis(200);
        let deadline = Instant::now() + Duration::from_secs(2);
        let mut limit_reached: Option<Instant> = None;
        while !self.rendezvous_open.load(Ordering::SeqCst) && Instant::now() < deadline {
            let open = self.open.now();
            if open > self.limit {
                break;
            }
            if open == self.limit {
                let since = *limit_reached.get_or_insert_with(Instant::now);
                if since.elapsed() >= GRACE {
                    break;
                }
            }
            thread::sleep(Duration::from_millis(1));
        }
        self.rendezvous_open.store(true, Ordering::SeqCst);
    }

    fn stop(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        // Wake the accept loop so that it sees the flag.
        let _ = TcpStream::connect_timeout(&self.address, Duration::from_secs(1));
    }
}

/// The pages of a site with `pages` pages besides "/".
fn reachable(pages: usize) -> BTreeSet<String> {
    std::iter::once("/".to_owned())
        .chain((0..pages).map(|i| format!("/page/{i}")))
        .collect()
}

/// The table a correct crawler produces, as seen by the server.
fn crawl_report(limit: usize, fetched: &BTreeSet<String>, site: &Site) -> String {
    let requests = site.requests.lock().unwrap().clone();
    let reachable = reachable(site.pages);
    let repeated: Vec<String> = requests
        .iter()
        .filter(|&(_, &count)| count > 1)
        .map(|(path, count)| format!("{path} x{count}"))
        .collect();
    let unreached: Vec<&String> = reachable.difference(fetched).collect();
    let extra: Vec<&String> = fetched.difference(&reachable).collect();
    let row = |what: &str, value: String| format!("{what:<40} {value}\n");
    [
        row("limit on requests at once", limit.to_string()),
        row("pages reachable from /", reachable.len().to_string()),
        row("pages returned by crawl()", fetched.len().to_string()),
        row("reachable pages not returned", format!("{unreached:?}")),
        row("returned but not pages of the site", format!("{extra:?}")),
        row("pages requested more than once", format!("{repeated:?}")),
        row(
            "requests for /missing (a broken link)",
            requests.get("/missing").copied().unwrap_or(0).to_string(),
        ),
        row("most requests at once", site.open.most().to_string()),
    ]
    .concat()
}

#[test]
fn the_crawler_fetches_every_page_once_with_bounded_concurrency() {
    let crawls = EXERCISE.run(|| {
        [1, 4]
            .into_iter()
            .map(|limit| {
                let site = Site::start(limit, PAGES);
                let fetched = crawl(site.address, "/", limit);
                site.stop();
                let most = site.open.most();
                (limit, most, crawl_report(limit, &fetched, &site))
            })
            .collect::<Vec<_>>()
    });
    for &(limit, most, _) in &crawls {
        EXERCISE.check(
            most <= limit,
            format!("with a limit of {limit}, {most} requests were open at once"),
        );
        EXERCISE.check(
            most == limit,
            format!(
                "with a limit of {limit}, at most {most} request(s) were open at once, although \
                 pages were waiting to be fetched: keep {limit} requests in flight while there \
                 is work (a worker may only stop when the queue is empty and no fetch is in \
                 flight; the lock must not be held during a fetch)"
            ),
        );
    }
    let report: Vec<String> = crawls.into_iter().map(|(_, _, report)| report).collect();
    let report = report.join("\n");
    EXERCISE.answer_key(|| insta::assert_snapshot!(report));
}

#[test]
fn another_site_is_crawled_completely_within_its_limit() {
    // Not in the answer key: a bigger site, another limit, checked page by page.
    const OTHER_PAGES: usize = 40;
    const LIMIT: usize = 3;
    let (fetched, requests, most) = EXERCISE.run(|| {
        let site = Site::start(LIMIT, OTHER_PAGES);
        let fetched = crawl(site.address, "/", LIMIT);
        site.stop();
        let requests = site.requests.lock().unwrap().clone();
        (fetched, requests, site.open.most())
    });
    let missed: Vec<String> = reachable(OTHER_PAGES)
        .difference(&fetched)
        .cloned()
        .collect();
    EXERCISE.check(
        missed.is_empty(),
        format!(
            "on a site of {} pages, crawl() did not return {missed:?}",
            OTHER_PAGES + 1
        ),
    );
    let twice: Vec<String> = requests
        .iter()
        .filter(|&(_, &count)| count > 1)
        .map(|(path, count)| format!("{path} x{count}"))
        .collect();
    EXERCISE.check(
        twice.is_empty(),
        format!(
            "on a site of {} pages, pages were fetched more than once: {twice:?}",
            OTHER_PAGES + 1
        ),
    );
    EXERCISE.check(
        most <= LIMIT,
        format!("with a limit of {LIMIT}, {most} requests were open at once"),
    );
}
