//! A local HTTP server that answers every request after a fixed latency: the example's network.
//! It binds 127.0.0.1 on a port the system picks; every connection has read and write timeouts,
//! and the server stops when it is dropped.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

/// How long a client may take to send its request, or to accept our answer.
pub const TIMEOUT: Duration = Duration::from_secs(10);

pub struct LatencyServer {
    address: SocketAddr,
    stopping: Arc<AtomicBool>,
    accepting: Option<thread::JoinHandle<()>>,
}

impl LatencyServer {
    pub fn start(latency: Duration) -> io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let address = listener.local_addr()?;
        let stopping = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&stopping);
        let accepting = thread::spawn(move || {
            for connection in listener.incoming() {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(connection) = connection {
                    // One thread per connection, like Python's ThreadingHTTPServer.
                    thread::spawn(move || {
                        let _ = answer(connection, latency);
                    });
                }
            }
        });
        Ok(Self {
            address,
            stopping,
            accepting: Some(accepting),
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }
}

impl Drop for LatencyServer {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // Wake the accept loop so that it sees the flag.
        let _ = TcpStream::connect_timeout(&self.address, TIMEOUT);
        if let Some(accepting) = self.accepting.take() {
            let _ = accepting.join();
        }
    }
}

/// Reads one request (up to its blank line), waits, answers, closes: HTTP/1.0.
fn answer(connection: TcpStream, latency: Duration) -> io::Result<()> {
    connection.set_read_timeout(Some(TIMEOUT))?;
    connection.set_write_timeout(Some(TIMEOUT))?;
    let mut reader = BufReader::new(connection.try_clone()?);
    let mut line = String::new();
    // Bounded: at most 100 header lines.
    for _ in 0..100 {
        line.clear();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" {
            break;
        }
    }
    thread::sleep(latency);
    let mut connection = connection;
    connection.write_all(b"HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\nok\n")
}
