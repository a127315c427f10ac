//! Exercise 7.4: a blocking call inside async code (book: src/ch07/04-blocking-in-async.md).

use std::sync::Arc;
use std::thread;

use chapter7::blocking_in_async::{Disk, serve};
use support::Exercise;

use crate::paused_runtime;

const EXERCISE: Exercise = Exercise::new("7.4", "ch07/04-blocking-in-async.md");
const MISTAKE: &str = "a blocking call inside async code";

const REQUESTS: usize = 5;

#[test]
fn no_blocking_read_runs_on_the_runtime_thread() {
    let disk = Arc::new(Disk::default());
    let shared = Arc::clone(&disk);
    let (answers, runtime_thread) = EXERCISE.run(move || {
        // A single-threaded runtime: its one thread is this one, the thread that calls block_on.
        let keys = (0..REQUESTS).map(|file| format!("file-{file}")).collect();
        let answers = paused_runtime().block_on(serve(shared, keys));
        (answers, thread::current().id())
    });
    let readers = disk.blocking_readers();
    let on_runtime = readers
        .iter()
        .filter(|&&reader| reader == runtime_thread)
        .count();
    EXERCISE.check(
        on_runtime == 0,
        format!(
            "mistake still present ({MISTAKE}): {on_runtime} of {REQUESTS} disk reads blocked \
             the runtime's only thread, and no other task ran meanwhile; await disk.read(..) or \
             move the blocking call to tokio::task::spawn_blocking"
        ),
    );
    let expected: Vec<String> = (0..REQUESTS)
        .map(|file| format!("200 OK: contents of file-{file}"))
        .collect();
    EXERCISE.check(
        answers == expected,
        "every request needs its answer, \"200 OK: <contents>\", in the order of the keys",
    );
    let mut table = String::from("requests  reads on the runtime thread  answers\n");
    table.push_str(&format!(
        "{REQUESTS:>8}  {on_runtime:>27}  {}\n",
        answers.len()
    ));
    for answer in &answers {
        table.push_str(&format!("  {answer}\n"));
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}
