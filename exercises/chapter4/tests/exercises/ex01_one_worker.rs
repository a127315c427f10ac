//! Exercise 4.1: one worker process, one typed message at a time
//! (book: src/ch04/01-one-worker.md).

use chapter4::one_worker::Worker;
use chapter4::protocol::Task;
use support::Exercise;

use crate::worker_program;

const EXERCISE: Exercise = Exercise::new("4.1", "ch04/01-one-worker.md").with_hang_hint(
    "the worker answers only after it has read a whole line: flush what you send (protocol::send \
     does). And it exits only when its stdin closes: drop the ChildStdin before you wait",
);

/// Runs `tasks` one after another on one worker, replacing it after a failure, and lists what
/// came back.
fn run_on_one_worker(tasks: Vec<Task>) -> String {
    let mut table = String::from("task                         outcome\n");
    let report = EXERCISE.run(move || {
        let mut rows = Vec::new();
        let mut worker = Worker::spawn(worker_program()).expect("could not start the worker");
        for task in tasks {
            let label = format!("{task:?}");
            let outcome = worker.call(task);
            let shown = match &outcome {
                Ok(answer) => format!("{answer:?}"),
                Err(error) => format!("error: {error}"),
            };
            rows.push((label, shown));
            if outcome.is_err() {
                worker = Worker::spawn(worker_program()).expect("could not start the worker");
            }
        }
        let status = worker.shutdown().map(|status| status.code());
        (rows, status)
    });
    let (rows, status) = report;
    for (task, outcome) in rows {
        table.push_str(&format!("{task:<28} {outcome}\n"));
    }
    table.push_str(&format!("\nshutdown: {status:?}\n"));
    table
}

#[test]
fn a_worker_answers_each_task_in_turn() {
    let table = run_on_one_worker(vec![
        Task::SumOfSquares(10),
        Task::SumOfSquares(0),
        Task::Echo("naïve café, 3 × 4".to_owned()),
        Task::SumOfSquares(1_000),
    ]);
    insta::assert_snapshot!(table);
}

#[test]
fn a_misbehaving_worker_gives_an_error_not_a_panic() {
    let table = run_on_one_worker(vec![
        Task::SumOfSquares(3),
        Task::ReplyGarbage,
        Task::SumOfSquares(4),
        Task::ExitMidTask,
        Task::SumOfSquares(5),
    ]);
    insta::assert_snapshot!(table);
}
