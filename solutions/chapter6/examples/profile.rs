//! Profile first: measures three workloads' wall time and CPU time, and classifies them with
//! exercise 6.1's `classify`.
//!
//!     cargo run --release -p chapter6-solution --example profile
//!
//! The CPU time is the running thread's own, read from Linux's `/proc/thread-self/schedstat`
//! (what Python's `time.thread_time()` reports). The same file says how long the thread was
//! ready to run but had no core (other programs had them): on a busy machine the stopwatch
//! counts that time too, and it is neither computing nor I/O. The classification leaves it out.
//! The "network" is a server on 127.0.0.1 that answers each request after 10 ms, as a slow
//! service would.

use std::hint::black_box;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

use chapter6::classify::{Profile, classify};

const REQUESTS: usize = 20;
const SERVER_DELAY: Duration = Duration::from_millis(10);
const RUNS: usize = 3;

/// The calling thread's time on a core so far, and its time ready but without a core; `None`
/// off Linux.
fn thread_clocks() -> Option<(Duration, Duration)> {
    let schedstat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let mut fields = schedstat.split_whitespace();
    let on_core: u64 = fields.next()?.parse().ok()?;
    let waiting_for_core: u64 = fields.next()?.parse().ok()?;
    Some((
        Duration::from_nanos(on_core),
        Duration::from_nanos(waiting_for_core),
    ))
}

/// One run: wall time, CPU time, and time spent waiting for a core.
#[derive(Clone, Copy)]
struct Run {
    wall: Duration,
    cpu: Duration,
    no_core: Duration,
}

/// Runs `work` once and measures it with all three clocks.
fn measure(work: &dyn Fn()) -> Option<Run> {
    let ((cpu_before, no_core_before), started) = (thread_clocks()?, Instant::now());
    work();
    let wall = started.elapsed();
    let (cpu_after, no_core_after) = thread_clocks()?;
    Some(Run {
        wall,
        cpu: cpu_after.saturating_sub(cpu_before),
        no_core: no_core_after.saturating_sub(no_core_before),
    })
}

/// A loop of integer arithmetic: the kind of work that keeps a core busy.
fn compute(iterations: u64) -> u64 {
    (0..iterations).fold(0u64, |sum, n| {
        black_box(sum.wrapping_add(n.wrapping_mul(n)))
    })
}

/// Answers every line it receives with the same line, after `SERVER_DELAY`.
fn start_slow_server() -> std::io::Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let port = listener.local_addr()?.port();
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            thread::spawn(move || {
                // Reply at once, without waiting to fill a packet (Nagle's algorithm).
                stream.set_nodelay(true)?;
                let mut reader = BufReader::new(stream.try_clone()?);
                let mut writer = stream;
                let mut line = String::new();
                while reader.read_line(&mut line)? > 0 {
                    thread::sleep(SERVER_DELAY);
                    writer.write_all(line.as_bytes())?;
                    line.clear();
                }
                std::io::Result::Ok(())
            });
        }
    });
    Ok(port)
}

/// Sends `REQUESTS` requests one after another; after each, computes `parse_iterations`.
fn fetch(port: u16, parse_iterations: u64) {
    let stream = TcpStream::connect(("127.0.0.1", port)).expect("the local server");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("a read timeout");
    stream.set_nodelay(true).expect("no Nagle delay");
    let mut reader = BufReader::new(stream.try_clone().expect("a second handle"));
    let mut writer = stream;
    let mut reply = String::new();
    for request in 0..REQUESTS {
        writeln!(writer, "GET /page/{request}").expect("a request");
        reply.clear();
        reader.read_line(&mut reply).expect("a reply");
        black_box(compute(parse_iterations));
    }
}

/// A workload to measure, by name.
type Workload = Box<dyn Fn()>;

fn median(mut runs: Vec<Run>) -> Run {
    runs.sort_by_key(|run| run.wall);
    runs[runs.len() / 2]
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

fn main() -> std::io::Result<()> {
    let port = start_slow_server()?;
    // About 15 ms of arithmetic per "page" on an idle core: longer than the server's delay.
    let parse = 30_000_000;
    let workloads: [(&str, Workload); 3] = [
        (
            "compute (arithmetic loop)",
            Box::new(move || {
                black_box(compute(REQUESTS as u64 * parse));
            }),
        ),
        ("fetch 20 pages", Box::new(move || fetch(port, 0))),
        (
            "fetch 20 pages, parse each",
            Box::new(move || fetch(port, parse)),
        ),
    ];
    println!("median of {RUNS} runs; clocks of the running thread\n");
    println!(
        "| workload | wall ms | waiting for a core ms | CPU ms | CPU share | classified as |\n\
         |---|---:|---:|---:|---:|---|"
    );
    for (name, work) in &workloads {
        let runs: Option<Vec<Run>> = (0..RUNS).map(|_| measure(work.as_ref())).collect();
        let Some(runs) = runs else {
            println!("| {name} | - | - | - | - | no thread clocks on this system |");
            continue;
        };
        let run = median(runs);
        // Time spent waiting for a core is another program's doing: leave it out. The clocks
        // are read microseconds apart, so the difference may dip just below the CPU time.
        let profile = Profile {
            wall: run.wall.saturating_sub(run.no_core).max(run.cpu),
            cpu: run.cpu,
        };
        let kind = match classify(profile) {
            Ok(kind) => kind.to_string(),
            Err(error) => error.to_string(),
        };
        println!(
            "| {name} | {:.1} | {:.1} | {:.1} | {:.2} | {kind} |",
            ms(run.wall),
            ms(run.no_core),
            ms(run.cpu),
            profile.cpu.as_secs_f64() / profile.wall.as_secs_f64()
        );
    }
    Ok(())
}
