//! Exercise 4.6: a hybrid: async I/O, CPU work elsewhere (book: src/ch04/06-hybrid.md).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::thread::{self, ThreadId};
use std::time::Duration;

use chapter4::hybrid::fetch_and_crunch;
use chapter4::worker::sum_of_squares;
use support::Exercise;
use tokio::sync::Notify;
use tokio::sync::mpsc as async_mpsc;
use tokio::time::Instant;

const EXERCISE: Exercise = Exercise::new("4.6", "ch04/06-hybrid.md").with_hang_hint(
    "crunch blocks the thread it runs on: called from async code on the runtime's own thread, \
     it stops the event loop. Hand it to tokio::task::spawn_blocking (or to rayon)",
);

/// How long a crunch off the runtime's thread waits for the event loop to answer its ping, and
/// how long the last page waits for the first crunch. Right answers never wait it out (the
/// answer, or the crunch, ends the wait), so a busy machine cannot turn them into failures.
const PATIENCE: Duration = Duration::from_secs(4);

/// How one crunch went: on which thread, and whether the event loop answered while it ran.
struct Crunched {
    id: u32,
    on_the_runtime_thread: bool,
    event_loop_answered: bool,
}

/// What a run of `fetch_and_crunch` showed.
struct Run {
    sums: Vec<u64>,
    crunched: Vec<Crunched>,
    virtual_time: Duration,
    /// Whether a page was crunched before the last page could arrive.
    crunched_before_the_last_page: bool,
}

/// Runs `fetch_and_crunch` on `ids` on a single-threaded runtime with a paused clock. Page `id`
/// takes `id` * 10 ms of virtual time to arrive; the last page also waits until some page has
/// been crunched (or the patience runs out), so that "fetch everything, then crunch" shows.
fn run_hybrid(ids: Vec<u32>) -> Run {
    EXERCISE.run_within(Duration::from_secs(15), move || {
        let runtime_thread: ThreadId = thread::current().id();
        let last_id = ids.iter().copied().max().unwrap_or(0);
        let (log, crunched) = mpsc::channel::<Crunched>();
        // The first crunch tells the gate keeper, which then lets the last page arrive; so does
        // the patience running out, for a program that crunches nothing before every page is in.
        let (first_crunch, crunch_started) = mpsc::channel::<()>();
        let last_page_may_arrive = Arc::new(Notify::new());
        let gate = Arc::clone(&last_page_may_arrive);
        let gate_keeper = thread::spawn(move || {
            let in_time = crunch_started.recv_timeout(PATIENCE).is_ok();
            gate.notify_one();
            in_time
        });
        // After one unanswered ping, the verdict is in: later crunches do not wait again.
        let loop_seen_blocked = Arc::new(AtomicBool::new(false));
        let (sums, virtual_time) = support::testkit::run_paused(async move {
            // The event loop's heartbeat: a task that answers every ping at once. A crunch that
            // blocks the runtime's thread gets no answer.
            let (pings, mut ping_inbox) = async_mpsc::unbounded_channel::<mpsc::Sender<()>>();
            let heartbeat = tokio::spawn(async move {
                while let Some(answer) = ping_inbox.recv().await {
                    let _ = answer.send(());
                }
            });
            let start = Instant::now();
            let sums = fetch_and_crunch(
                ids,
                move |id| {
                    let gate = Arc::clone(&last_page_may_arrive);
                    async move {
                        let latency = tokio::time::sleep(Duration::from_millis(u64::from(id) * 10));
                        if id == last_id {
                            // The sleep's deadline was set when it was made: waiting for the
                            // gate first does not push it back.
                            gate.notified().await;
                        }
                        latency.await;
                        format!("{id}")
                    }
                },
                move |page: String| {
                    let _ = first_crunch.send(());
                    let on_the_runtime_thread = thread::current().id() == runtime_thread;
                    // On the runtime's own thread the loop is blocked by this very call: no
                    // point asking.
                    let event_loop_answered = !on_the_runtime_thread && {
                        let (answer, answered) = mpsc::channel();
                        let _ = pings.send(answer);
                        let patience = if loop_seen_blocked.load(Ordering::SeqCst) {
                            Duration::ZERO
                        } else {
                            PATIENCE
                        };
                        let answered = answered.recv_timeout(patience).is_ok();
                        if !answered {
                            loop_seen_blocked.store(true, Ordering::SeqCst);
                        }
                        answered
                    };
                    let id: u32 = page.parse().expect("the page is its id");
                    let _ = log.send(Crunched {
                        id,
                        on_the_runtime_thread,
                        event_loop_answered,
                    });
                    sum_of_squares(u64::from(id) * 1000)
                },
            )
            .await;
            let virtual_time = start.elapsed();
            heartbeat.abort();
            (sums, virtual_time)
        });
        let crunched_before_the_last_page = gate_keeper.join().expect("the gate keeper");
        let mut crunched: Vec<Crunched> = crunched.try_iter().collect();
        crunched.sort_by_key(|crunch| crunch.id);
        Run {
            sums,
            crunched,
            virtual_time,
            crunched_before_the_last_page,
        }
    })
}

/// The checks every run must pass, whatever the ids.
fn check_run(ids: &[u32], run: &Run) {
    let expected: Vec<u64> = ids
        .iter()
        .map(|&id| sum_of_squares(u64::from(id) * 1000))
        .collect();
    EXERCISE.check(
        run.sums == expected,
        format!(
            "pages {ids:?} arrive in another order (page id takes id x 10 ms): the sums must \
             come back in the order of the ids, one per id, whatever order the pages arrive in"
        ),
    );
    EXERCISE.check(
        run.crunched_before_the_last_page,
        "no page was crunched before the last page arrived: crunch each page as soon as it \
         arrives (in the task that fetched it), instead of fetching every page first",
    );
    EXERCISE.check(
        run.crunched.len() == ids.len(),
        format!(
            "crunch ran {} times for {} pages: once per page",
            run.crunched.len(),
            ids.len()
        ),
    );
}

#[test]
fn pages_are_crunched_off_the_event_loop_as_they_arrive() {
    const IDS: [u32; 4] = [4, 1, 3, 2];
    let run = run_hybrid(IDS.to_vec());
    check_run(&IDS, &run);
    let mut table =
        String::from("page  crunched on                 event loop answered meanwhile\n");
    for crunch in &run.crunched {
        table.push_str(&format!(
            "{:>4}  {:<27} {}\n",
            crunch.id,
            if crunch.on_the_runtime_thread {
                "the runtime's thread"
            } else {
                "another thread"
            },
            if crunch.event_loop_answered {
                "yes"
            } else {
                "no: the loop was blocked"
            },
        ));
    }
    table.push_str(&format!(
        "\nvirtual time: {} ms (the slowest page alone takes 40 ms)\n",
        run.virtual_time.as_millis()
    ));
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

/// Ids in no answer key: the same rules, checked as properties.
#[test]
fn other_pages_same_rules() {
    let ids = vec![7, 2, 9, 5, 1, 8, 3];
    let run = run_hybrid(ids.clone());
    check_run(&ids, &run);
    for crunch in &run.crunched {
        EXERCISE.check(
            !crunch.on_the_runtime_thread && crunch.event_loop_answered,
            format!(
                "page {} was crunched on the runtime's thread, or while the event loop was \
                 blocked: hand crunch to tokio::task::spawn_blocking (or to rayon)",
                crunch.id
            ),
        );
    }
    EXERCISE.check(
        run.virtual_time == Duration::from_millis(90),
        format!(
            "the pages took {} ms of virtual time; the slowest alone takes 90 ms: fetch them all \
             at once",
            run.virtual_time.as_millis()
        ),
    );
}
