//! Provided for exercise 8.9: fetching a page over HTTP and reading its links. The crawler calls
//! `fetch_links` and `is_within_site`; the exercise is the concurrency around them.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// Whether `link` points into the site being crawled: a path such as "/about", not a link to
/// another host such as `http://example.com/`.
pub fn is_within_site(link: &str) -> bool {
    link.starts_with('/')
}

/// Fetches `path` from the HTTP server at `server` and returns the `href` of every link on the
/// page, in page order. A page that does not answer "200 OK" is an error.
pub fn fetch_links(server: SocketAddr, path: &str) -> io::Result<Vec<String>> {
    const TIMEOUT: Duration = Duration::from_secs(3);
    let mut stream = TcpStream::connect_timeout(&server, TIMEOUT)?;
    stream.set_read_timeout(Some(TIMEOUT))?;
    stream.set_write_timeout(Some(TIMEOUT))?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n")?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    let status = response.lines().next().unwrap_or_default();
    if !status.contains(" 200 ") {
        return Err(io::Error::other(format!("GET {path}: {status}")));
    }
    let body = response.split_once("\r\n\r\n").map_or("", |(_, body)| body);
    Ok(hrefs(body))
}

/// The `href="..."` values of a page, in order.
fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(href, _)| href.to_owned()))
        .collect()
}
