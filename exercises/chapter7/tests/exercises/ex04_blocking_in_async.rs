//! Exercise 7.4: a blocking call inside async code (book: src/ch07/04-blocking-in-async.md).

use std::sync::Arc;
use std::thread;

use chapter7::blocking_in_async::{Disk, serve};
use support::Exercise;
use support::testkit::run_paused;

const EXERCISE: Exercise = Exercise::new("7.4", "ch07/04-blocking-in-async.md");

const REQUESTS: usize = 5;

/// What serving a list of requests came to.
struct Served {
    answers: Vec<String>,
    reads: usize,
    on_runtime: usize,
    blocking_elsewhere: usize,
    most_blocking_at_once: usize,
}

/// Serves `keys` on a single-threaded runtime (whose one thread is the one calling block_on),
/// with a disk whose blocking reads off that thread wait until all of them are in flight.
fn serve_on_one_thread(keys: Vec<String>) -> Served {
    EXERCISE.run(move || {
        let runtime_thread = thread::current().id();
        let disk = Arc::new(Disk::gathering(keys.len(), runtime_thread));
        let answers = run_paused(serve(Arc::clone(&disk), keys));
        let readers = disk.blocking_readers();
        let on_runtime = readers.iter().filter(|&&r| r == runtime_thread).count();
        Served {
            answers,
            reads: disk.reads(),
            on_runtime,
            blocking_elsewhere: readers.len() - on_runtime,
            most_blocking_at_once: disk.most_blocking_at_once(),
        }
    })
}

/// The checks every scenario shares, in the order a learner should meet them.
fn check(served: &Served, keys: &[String]) {
    let requests = keys.len();
    EXERCISE.check(
        served.on_runtime == 0,
        format!(
            "{} of {requests} disk reads blocked the runtime's only thread: while each one ran, \
             no other request could even start",
            served.on_runtime
        ),
    );
    EXERCISE.check(
        served.blocking_elsewhere <= 1 || served.most_blocking_at_once == requests,
        format!(
            "{} blocking reads ran on other threads, yet never more than {} at a time: the \
             runtime's only thread waited for each one to finish before it started the next \
             request",
            served.blocking_elsewhere, served.most_blocking_at_once
        ),
    );
    EXERCISE.check(
        served.reads == requests,
        format!(
            "{requests} requests made {} disk reads: every answer must come from one read of \
             the disk",
            served.reads
        ),
    );
    let expected: Vec<String> = keys
        .iter()
        .map(|key| format!("200 OK: contents of {key}"))
        .collect();
    EXERCISE.check(
        served.answers == expected,
        format!(
            "the answers were {:?}: every request needs its answer, \"200 OK: <contents>\", in \
             the order of the keys",
            served.answers
        ),
    );
}

#[test]
fn no_blocking_read_runs_on_the_runtime_thread() {
    let keys: Vec<String> = (0..REQUESTS).map(|file| format!("file-{file}")).collect();
    let served = serve_on_one_thread(keys.clone());
    check(&served, &keys);
    let mut table = String::from("requests  reads on the runtime thread  answers\n");
    table.push_str(&format!(
        "{REQUESTS:>8}  {:>27}  {}\n",
        served.on_runtime,
        served.answers.len()
    ));
    for answer in &served.answers {
        table.push_str(&format!("  {answer}\n"));
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

/// Other keys and another count, not in the answer key.
#[test]
fn other_requests_are_answered_too() {
    let keys: Vec<String> = ["notes.txt", "a/b/c", "", "report 2026.pdf"]
        .map(String::from)
        .to_vec();
    let served = serve_on_one_thread(keys.clone());
    check(&served, &keys);
}
