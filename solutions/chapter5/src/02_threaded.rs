//! Exercise 5.2: the scraper with a bounded number of threads.
//! Book: src/ch05/02-threads.md

use std::sync::Mutex;
use std::thread;

use reqwest::blocking::Client;

use crate::fetch_and_parse::{Scraped, fetch_and_parse};

// ANCHOR: solution
/// The classic tutorial's `sequential`: one URL after another, one result per URL.
pub fn scrape_sequential(client: &Client, urls: &[String]) -> Vec<Scraped> {
    urls.iter()
        .map(|url| Scraped {
            url: url.clone(),
            page: fetch_and_parse(client, url),
        })
        .collect()
}

/// The classic tutorial's `threaded`, fixed: at most `threads` requests at once, and the results in input
/// order (the classic tutorial appends them in the order they finish).
pub fn scrape_threaded(client: &Client, urls: &[String], threads: usize) -> Vec<Scraped> {
    // A fixed set of threads taking URLs from one queue: never more than `threads` requests,
    // and a slow URL holds up only its own thread.
    let queue = Mutex::new(urls.iter().enumerate());
    let mut results: Vec<Option<Scraped>> = vec![None; urls.len()];
    thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.max(1))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    // `let ... else` takes the lock only to take the next URL.
                    loop {
                        let Some((index, url)) = queue.lock().expect("queue lock").next() else {
                            break done;
                        };
                        let page = fetch_and_parse(client, url);
                        done.push((
                            index,
                            Scraped {
                                url: url.clone(),
                                page,
                            },
                        ));
                    }
                })
            })
            .collect();
        for worker in workers {
            for (index, scraped) in worker.join().expect("a scraper thread panicked") {
                results[index] = Some(scraped);
            }
        }
    });
    results
        .into_iter()
        .map(|scraped| scraped.expect("every URL was taken from the queue once"))
        .collect()
}
// ANCHOR_END: solution
