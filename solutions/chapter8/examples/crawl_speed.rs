//! How much a bounded number of requests in flight buys an I/O-bound crawl.
//!
//! Serves a site of 73 pages (a home page, 8 sections, 8 pages in each) from a local HTTP server
//! on 127.0.0.1 that answers every request after a fixed delay, as a slow remote server would, and
//! crawls it with the reference crawler of exercise 8.9 at several limits.
//!
//!     cargo run --release -p chapter8-solution --example crawl_speed

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

use chapter8::crawler::crawl;
use support::testkit::median;

/// How long the server takes to answer each request.
const LATENCY: Duration = Duration::from_millis(20);
const SECTIONS: usize = 8;
const RUNS: usize = 3;

fn page(path: &str) -> Option<String> {
    let links: Vec<String> = match path.trim_start_matches('/').split('/').collect::<Vec<_>>()[..] {
        [""] => (0..SECTIONS).map(|s| format!("/{s}")).collect(),
        [section] if section.parse::<usize>().is_ok_and(|s| s < SECTIONS) => {
            (0..SECTIONS).map(|p| format!("/{section}/{p}")).collect()
        }
        [_, _] => vec!["/".to_owned()],
        _ => return None,
    };
    Some(
        links
            .iter()
            .map(|link| format!("<a href=\"{link}\">{link}</a>\n"))
            .collect(),
    )
}

fn answer(mut stream: TcpStream) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut line = String::new();
    while reader.read_line(&mut line).map(|n| n > 2).unwrap_or(false) {
        line.clear();
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("");
    thread::sleep(LATENCY);
    let response = match page(path) {
        Some(body) => format!(
            "HTTP/1.0 200 OK\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ),
        None => "HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_owned(),
    };
    let _ = stream.write_all(response.as_bytes());
}

fn start_server() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a port on 127.0.0.1");
    let address = listener.local_addr().expect("the server's address");
    thread::spawn(move || {
        // Bounded: the runs below make a few thousand requests at most.
        for stream in listener.incoming().take(10_000).flatten() {
            thread::spawn(move || answer(stream));
        }
    });
    address
}

fn main() {
    let server = start_server();
    println!(
        "crawl of a {}-page site, each request answered after {} ms; median of {RUNS} runs\n",
        1 + SECTIONS + SECTIONS * SECTIONS,
        LATENCY.as_millis()
    );
    println!("requests in flight | pages | time (ms) | speedup");
    println!("-------------------|-------|-----------|--------");
    let mut sequential = None;
    for limit in [1, 2, 4, 8, 16, 32] {
        let mut pages = 0;
        let times = (0..RUNS).map(|_| {
            let start = Instant::now();
            pages = crawl(server, "/", limit).len();
            start.elapsed()
        });
        let time = median(times);
        let baseline = *sequential.get_or_insert(time);
        println!(
            "{limit:>18} | {pages:>5} | {:>9.0} | {:>6.1}x",
            time.as_secs_f64() * 1000.0,
            baseline.as_secs_f64() / time.as_secs_f64()
        );
    }
}
