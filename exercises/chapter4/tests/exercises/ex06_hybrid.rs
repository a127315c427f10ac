//! Exercise 4.6: a hybrid: async I/O, CPU work elsewhere (book: src/ch04/06-hybrid.md).

use std::sync::mpsc;
use std::thread::{self, ThreadId};
use std::time::Duration;

use chapter4::hybrid::fetch_and_crunch;
use chapter4::worker::sum_of_squares;
use support::Exercise;
use tokio::sync::mpsc as async_mpsc;
use tokio::time::Instant;

const EXERCISE: Exercise = Exercise::new("4.6", "ch04/06-hybrid.md").with_hang_hint(
    "crunch blocks the thread it runs on: called from async code on the runtime's own thread, \
     it stops the event loop. Hand it to tokio::task::spawn_blocking (or to rayon)",
);

/// How one crunch went: on which thread, and whether the event loop answered while it ran.
struct Crunched {
    id: u32,
    on_the_runtime_thread: bool,
    event_loop_answered: bool,
}

#[test]
fn pages_are_crunched_off_the_event_loop_as_they_arrive() {
    const IDS: [u32; 4] = [4, 1, 3, 2];
    let (sums, mut crunched, elapsed) = EXERCISE.run_within(Duration::from_secs(10), || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()
            .expect("a tokio runtime");
        let runtime_thread: ThreadId = thread::current().id();
        let (log, crunched) = mpsc::channel::<Crunched>();
        let sums = runtime.block_on(async move {
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
                IDS.to_vec(),
                // Page `id` takes `id` * 10 ms of virtual time to arrive.
                |id| async move {
                    tokio::time::sleep(Duration::from_millis(u64::from(id) * 10)).await;
                    format!("{id}")
                },
                move |page: String| {
                    let (answer, answered) = mpsc::channel();
                    let _ = pings.send(answer);
                    let event_loop_answered =
                        answered.recv_timeout(Duration::from_millis(400)).is_ok();
                    let id: u32 = page.parse().expect("the page is its id");
                    let _ = log.send(Crunched {
                        id,
                        on_the_runtime_thread: thread::current().id() == runtime_thread,
                        event_loop_answered,
                    });
                    sum_of_squares(u64::from(id) * 1000)
                },
            )
            .await;
            let elapsed = start.elapsed();
            heartbeat.abort();
            (sums, elapsed)
        });
        let (sums, elapsed) = sums;
        (sums, crunched.try_iter().collect::<Vec<_>>(), elapsed)
    });
    let expected: Vec<u64> = IDS
        .iter()
        .map(|&id| sum_of_squares(u64::from(id) * 1000))
        .collect();
    EXERCISE.check(
        sums == expected,
        "the sums must come back in the order of the ids, one per id",
    );
    crunched.sort_by_key(|crunch| crunch.id);
    let mut table =
        String::from("page  crunched on                 event loop answered meanwhile\n");
    for crunch in &crunched {
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
        elapsed.as_millis()
    ));
    insta::assert_snapshot!(table);
}
