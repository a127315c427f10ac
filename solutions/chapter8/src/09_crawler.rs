//! Exercise 8.9: a concurrent web crawler.
//! Book: src/ch08/09-crawler.md

use std::collections::{BTreeSet, HashSet, VecDeque};
use std::io;
use std::net::SocketAddr;
use std::sync::{Condvar, Mutex};
use std::thread;

pub use crate::provided::crawler::{fetch_links, is_within_site};

// ANCHOR: solution
/// Crawls the site served at `server`, starting from the page `start` (a path such as "/"),
/// with at most `max_in_flight` requests at a time. Follows only links within the site, fetches
/// every page once, and returns the paths of the pages it fetched.
pub fn crawl(server: SocketAddr, start: &str, max_in_flight: usize) -> BTreeSet<String> {
    let frontier = Frontier::new(start);
    // As many workers as requests allowed in flight: each worker has at most one request open.
    thread::scope(|scope| {
        for _ in 0..max_in_flight {
            scope.spawn(|| {
                while let Some(path) = frontier.next_page() {
                    let links = fetch_links(server, &path);
                    frontier.finished(path, links);
                }
            });
        }
    });
    frontier.into_fetched()
}

/// What the workers share: pages to fetch, pages seen, and how many fetches are running.
struct Frontier {
    state: Mutex<FrontierState>,
    changed: Condvar,
}

struct FrontierState {
    to_fetch: VecDeque<String>,
    /// Every path ever queued. Checked and updated under the same lock as the queue, so two
    /// workers that find the same link cannot both queue it.
    seen: HashSet<String>,
    fetched: BTreeSet<String>,
    in_flight: usize,
}

impl Frontier {
    fn new(start: &str) -> Self {
        let state = FrontierState {
            to_fetch: VecDeque::from([start.to_owned()]),
            seen: HashSet::from([start.to_owned()]),
            fetched: BTreeSet::new(),
            in_flight: 0,
        };
        Self {
            state: Mutex::new(state),
            changed: Condvar::new(),
        }
    }

    /// The next page to fetch, or `None` when the crawl is over. An empty queue does not mean
    /// the end: a fetch still in flight may yet find new links. The crawl is over only when
    /// the queue is empty *and* nothing is in flight.
    fn next_page(&self) -> Option<String> {
        let mut state = self.state.lock().unwrap();
        loop {
            if let Some(path) = state.to_fetch.pop_front() {
                state.in_flight += 1;
                return Some(path);
            }
            if state.in_flight == 0 {
                return None;
            }
            state = self.changed.wait(state).unwrap();
        }
    }

    /// Records the result of fetching `path` and queues the new links it found.
    fn finished(&self, path: String, links: io::Result<Vec<String>>) {
        let mut state = self.state.lock().unwrap();
        if let Ok(links) = links {
            for link in links.into_iter().filter(|link| is_within_site(link)) {
                if state.seen.insert(link.clone()) {
                    state.to_fetch.push_back(link);
                }
            }
            state.fetched.insert(path);
        }
        state.in_flight -= 1;
        // Wake every idle worker: there may be new pages, or the crawl may be over.
        self.changed.notify_all();
    }

    fn into_fetched(self) -> BTreeSet<String> {
        self.state.into_inner().unwrap().fetched
    }
}
// ANCHOR_END: solution
