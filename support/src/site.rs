//! A small website on 127.0.0.1, for the exercises and examples that fetch pages (chapters 4
//! and 5). A real HTTP server (axum, on tokio), started by the test itself on a port the
//! operating system picks, with pages that behave in known ways:
//!
//! | path | answer |
//! |---|---|
//! | `/page/{name}` | 200 after the latency: `<title>Page {name}</title>` and a body whose size depends on the name |
//! | `/untitled` | 200 after the latency: HTML without a `<title>` |
//! | `/malformed` | 200 after the latency: unclosed tags, a stray `</p>`, a title cut short |
//! | `/missing` | 404 after the latency |
//! | `/never` | never answers (the connection stays open): clients must bound it with a timeout |
//! | `/after/{n}` | 200 once the site has answered `n` other requests: a page that finishes after the others, decided by events, not by a clock |
//!
//! The server counts the requests in flight (all but `/never`) and the most there ever were at
//! once, so that a test can check how many requests a client really had going (an invariant,
//! not a timing).
//! With [`Site::gather`], the first `n` page requests wait for each other (bounded) before
//! answering: a client that really sends `n` at once gets them all together.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Html;
use axum::routing::get;
use tokio::runtime::Runtime;
use tokio::sync::Notify;

/// How long the first requests wait for each other with [`Site::gather`] before giving up.
/// Keep clients' timeouts longer than this: a request its client gave up on while it waited
/// would still count as waiting.
/// A right client never waits it out (the last of the group opens the gate), so it can be long
/// enough that a busy machine does not matter.
pub const GATHER_PATIENCE: Duration = Duration::from_secs(4);

/// A running website. Dropping it stops the server, including requests that never answer.
pub struct Site {
    address: SocketAddr,
    stats: Arc<Stats>,
    runtime: Option<Runtime>,
}

#[derive(Default)]
struct Stats {
    latency: Duration,
    in_flight: AtomicUsize,
    most_in_flight: AtomicUsize,
    served: AtomicUsize,
    gate: Mutex<Gate>,
    gathered: Notify,
    gate_met: AtomicBool,
    /// Woken whenever a request is answered (for `/after/{n}`).
    answered: Notify,
}

/// The first `size` page requests wait here for each other.
#[derive(Default)]
struct Gate {
    size: usize,
    /// Page requests still to come before the gate closes for good.
    left: usize,
    /// Requests waiting at the gate right now.
    waiting: usize,
}

/// What a request does at the gate.
enum AtTheGate {
    PassThrough,
    Wait,
    /// The last of the group; `met` if all the others are still waiting.
    Last {
        met: bool,
    },
}

impl Site {
    /// Starts the site; every answer takes `latency`.
    pub fn start(latency: Duration) -> Self {
        Self::start_with(latency, 0)
    }

    /// Starts the site; the first `requests` page requests wait for each other (at most
    /// [`GATHER_PATIENCE`]) before answering. See [`Site::gathered`].
    pub fn gather(latency: Duration, requests: usize) -> Self {
        Self::start_with(latency, requests)
    }

    fn start_with(latency: Duration, gather: usize) -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("site")
            .enable_all()
            .build()
            .expect("a tokio runtime for the site");
        let stats = Arc::new(Stats {
            latency,
            gate: Mutex::new(Gate {
                size: gather,
                left: gather,
                waiting: 0,
            }),
            ..Stats::default()
        });
        let router = Router::new()
            .route("/page/{name}", get(page))
            .route("/untitled", get(untitled))
            .route("/malformed", get(malformed))
            .route("/missing", get(missing))
            .route("/never", get(never))
            .route("/after/{count}", get(after))
            .with_state(Arc::clone(&stats));
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .expect("bind a loopback port");
        let address = listener.local_addr().expect("the site's address");
        runtime.spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        Self {
            address,
            stats,
            runtime: Some(runtime),
        }
    }

    /// The full URL of a path on this site, e.g. `site.url("/page/1")`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// The most requests that were being answered at the same time.
    pub fn most_in_flight(&self) -> usize {
        self.stats.most_in_flight.load(Ordering::SeqCst)
    }

    /// Starts counting [`Site::most_in_flight`] afresh (between two measurements).
    pub fn reset_most_in_flight(&self) {
        let now = self.stats.in_flight.load(Ordering::SeqCst);
        self.stats.most_in_flight.store(now, Ordering::SeqCst);
    }

    /// How many requests the site has answered (a `/never` request is never answered).
    pub fn served(&self) -> usize {
        self.stats.served.load(Ordering::SeqCst)
    }

    /// Whether the first requests of a [`Site::gather`] site all arrived together.
    pub fn gathered(&self) -> bool {
        self.stats.gate_met.load(Ordering::SeqCst)
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            // Do not wait for requests that never answer.
            runtime.shutdown_background();
        }
    }
}

/// Counts a request in flight until it is answered or abandoned.
struct InFlight(Arc<Stats>);

impl InFlight {
    fn enter(stats: &Arc<Stats>) -> Self {
        let now = stats.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        stats.most_in_flight.fetch_max(now, Ordering::SeqCst);
        Self(Arc::clone(stats))
    }

    async fn answer<T>(self, body: T) -> T {
        tokio::time::sleep(self.0.latency).await;
        self.0.served.fetch_add(1, Ordering::SeqCst);
        self.0.answered.notify_waiters();
        body
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

async fn page(State(stats): State<Arc<Stats>>, Path(name): Path<String>) -> Html<String> {
    let in_flight = InFlight::enter(&stats);
    wait_at_the_gate(&stats).await;
    // A body whose size depends on the name, so that sizes differ from page to page.
    let filler = "lorem ipsum ".repeat(10 + name.len() * 3);
    let body = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Page {name}</title></head>\n\
         <body><h1>{name}</h1><p>{filler}</p></body></html>\n"
    );
    in_flight.answer(Html(body)).await
}

/// The first `gather` page requests wait here until all of them are waiting together (or the
/// patience runs out); later requests pass straight through. The gate counts as met only if the
/// last of the group finds all the others still waiting.
async fn wait_at_the_gate(stats: &Stats) {
    let role = {
        let mut gate = stats.gate.lock().unwrap_or_else(|p| p.into_inner());
        if gate.left == 0 {
            AtTheGate::PassThrough
        } else {
            gate.left -= 1;
            if gate.left == 0 {
                AtTheGate::Last {
                    met: gate.waiting + 1 == gate.size,
                }
            } else {
                gate.waiting += 1;
                AtTheGate::Wait
            }
        }
    };
    match role {
        AtTheGate::PassThrough => {}
        AtTheGate::Last { met } => {
            if met {
                stats.gate_met.store(true, Ordering::SeqCst);
                stats.gathered.notify_waiters();
            }
        }
        AtTheGate::Wait => {
            // Created before checking the flag, so a notification in between is not lost.
            let opened = stats.gathered.notified();
            if !stats.gate_met.load(Ordering::SeqCst) {
                let _ = tokio::time::timeout(GATHER_PATIENCE, opened).await;
            }
            let mut gate = stats.gate.lock().unwrap_or_else(|p| p.into_inner());
            gate.waiting -= 1;
        }
    }
}

async fn untitled(State(stats): State<Arc<Stats>>) -> Html<&'static str> {
    let body = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head>\n\
                <body><p>A page without a title.</p></body></html>\n";
    InFlight::enter(&stats).answer(Html(body)).await
}

async fn malformed(State(stats): State<Arc<Stats>>) -> Html<&'static str> {
    let body = "<html><head><title>Broken <b>markup</title>\n<body><div><p>unclosed\
                <p>tags</div></p></span><table><tr><td>cell\n";
    InFlight::enter(&stats).answer(Html(body)).await
}

async fn missing(State(stats): State<Arc<Stats>>) -> (StatusCode, Html<&'static str>) {
    let body = "<html><head><title>404 Not Found</title></head><body>no such page</body></html>";
    InFlight::enter(&stats)
        .answer((StatusCode::NOT_FOUND, Html(body)))
        .await
}

/// Answers once `count` requests have been answered: with `count` the number of other URLs a
/// client fetches, it finishes after all of them (and a client that fetches one URL at a time
/// waits until its own timeout).
async fn after(State(stats): State<Arc<Stats>>, Path(count): Path<usize>) -> Html<String> {
    let in_flight = InFlight::enter(&stats);
    loop {
        // Registered before the count is read, so an answer in between is not missed.
        let mut answered = std::pin::pin!(stats.answered.notified());
        answered.as_mut().enable();
        if stats.served.load(Ordering::SeqCst) >= count {
            break;
        }
        answered.await;
    }
    let body = format!(
        "<!DOCTYPE html>\n<html><head><title>After {count} others</title></head>\n\
         <body><p>answered after {count} other requests</p></body></html>\n"
    );
    in_flight.answer(Html(body)).await
}

async fn never() -> Html<&'static str> {
    // Not counted in flight: the server cannot tell when the client gives up on it.
    std::future::pending::<()>().await;
    Html("unreachable")
}
