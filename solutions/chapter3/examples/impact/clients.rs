//! One GET to the local server, blocking (std) or async (tokio). Both return the body's length.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::server::TIMEOUT;

const REQUEST: &[u8] = b"GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";

/// A blocking request: the thread sleeps in the kernel while it waits for the answer.
pub fn fetch(server: SocketAddr) -> io::Result<usize> {
    let mut connection = TcpStream::connect_timeout(&server, TIMEOUT)?;
    connection.set_read_timeout(Some(TIMEOUT))?;
    connection.set_write_timeout(Some(TIMEOUT))?;
    connection.write_all(REQUEST)?;
    let mut reply = Vec::new();
    connection.read_to_end(&mut reply)?;
    body_length(&reply)
}

/// The same request as a future: while it waits, the runtime's thread runs other tasks.
pub async fn fetch_async(server: SocketAddr) -> io::Result<usize> {
    let exchange = async {
        let mut connection = tokio::net::TcpStream::connect(server).await?;
        connection.write_all(REQUEST).await?;
        let mut reply = Vec::new();
        connection.read_to_end(&mut reply).await?;
        body_length(&reply)
    };
    tokio::time::timeout(TIMEOUT, exchange)
        .await
        .map_err(|_| io::Error::new(io::ErrorKind::TimedOut, "no answer from the local server"))?
}

fn body_length(reply: &[u8]) -> io::Result<usize> {
    let text = String::from_utf8_lossy(reply);
    match text.split_once("\r\n\r\n") {
        Some((head, body)) if head.starts_with("HTTP/1.0 200") => Ok(body.len()),
        _ => Err(io::Error::other(format!("unexpected answer: {text:?}"))),
    }
}
