//! Exercise 4.1: one worker process, one typed message at a time
//! (book: src/ch04/01-one-worker.md).

use chapter4::one_worker::Worker;
use chapter4::protocol::{Answer, Task, TaskError};
use chapter4::worker::sum_of_squares;
use support::Exercise;

use crate::worker_program;

const EXERCISE: Exercise = Exercise::new("4.1", "ch04/01-one-worker.md").with_hang_hint(
    "the worker answers only after it has read a whole line: flush what you send (protocol::send \
     does). And it exits only when its stdin closes: drop the ChildStdin before you wait",
);

type Outcome = Result<Answer, TaskError>;

/// Runs `tasks` one after another on one worker, replacing it after a failure; returns each
/// task's outcome and the last worker's exit code.
fn call_one_worker(tasks: Vec<Task>) -> (Vec<(Task, Outcome)>, std::io::Result<Option<i32>>) {
    EXERCISE.run(move || {
        let mut rows = Vec::new();
        let mut worker = Worker::spawn(worker_program()).expect("could not start the worker");
        for task in tasks {
            let outcome = worker.call(task.clone());
            if outcome.is_err() {
                worker = Worker::spawn(worker_program()).expect("could not start the worker");
            }
            rows.push((task, outcome));
        }
        let status = worker.shutdown().map(|status| status.code());
        (rows, status)
    })
}

/// Lists what came back for each task, and how the worker exited.
fn run_on_one_worker(tasks: Vec<Task>) -> String {
    let (rows, status) = call_one_worker(tasks);
    let mut table = String::from("task                         outcome\n");
    for (task, outcome) in rows {
        check_outcome_fits_the_task(&task, &outcome);
        let shown = match &outcome {
            Ok(answer) => format!("{answer:?}"),
            // What garbage says is yours to word: the answer key shows only its kind.
            Err(TaskError::Garbage(_)) => "error: the worker sent garbage".to_owned(),
            Err(error) => format!("error: {error}"),
        };
        table.push_str(&format!("{:<28} {shown}\n", format!("{task:?}")));
    }
    table.push_str(&format!("\nshutdown: {status:?}\n"));
    table
}

/// The outcome each kind of task must have, said in the learner's terms.
fn check_outcome_fits_the_task(task: &Task, outcome: &Outcome) {
    let fits = match task {
        Task::SumOfSquares(n) => *outcome == Ok(Answer::Sum(sum_of_squares(*n))),
        Task::Echo(text) => *outcome == Ok(Answer::Echo(text.clone())),
        Task::CheckIn { .. } => *outcome == Ok(Answer::CheckedIn),
        Task::ReplyGarbage => matches!(outcome, Err(TaskError::Garbage(_))),
        Task::ReplyToAnotherId => matches!(outcome, Err(TaskError::Garbage(_))),
        Task::ExitMidTask | Task::ExitMidReply => *outcome == Err(TaskError::WorkerExited),
    };
    if fits {
        return;
    }
    let should = match task {
        Task::ReplyGarbage => {
            "a line that is not a reply must give TaskError::Garbage (protocol::receive says \
             ReceiveError::Garbage)"
        }
        Task::ReplyToAnotherId => {
            "a reply that carries another request's id answers some other question: compare \
             reply.id with the id you sent, and give TaskError::Garbage when they differ"
        }
        Task::ExitMidTask | Task::ExitMidReply => {
            "a worker that exits before its reply is complete must give \
             TaskError::WorkerExited (protocol::receive says ReceiveError::Closed)"
        }
        _ => "send the task as it is and return the answer the worker sent for it",
    };
    EXERCISE.fail(format!("{task:?} gave {outcome:?}: {should}"));
}

#[test]
fn a_worker_answers_each_task_in_turn() {
    let table = run_on_one_worker(vec![
        Task::SumOfSquares(10),
        Task::SumOfSquares(0),
        Task::Echo("naïve café, 3 × 4".to_owned()),
        Task::SumOfSquares(1_000),
    ]);
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

/// Tasks that appear in no answer key: every answer must be the worker's, for this task.
#[test]
fn answers_belong_to_their_own_tasks() {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let tasks: Vec<Task> = (0..12)
        .map(|i| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            if i % 3 == 2 {
                Task::Echo(format!("text {} ✓", seed >> 40))
            } else {
                Task::SumOfSquares(seed >> 50)
            }
        })
        .collect();
    let (rows, status) = call_one_worker(tasks);
    for (task, outcome) in &rows {
        check_outcome_fits_the_task(task, outcome);
    }
    EXERCISE.check(
        matches!(status, Ok(Some(0))),
        format!(
            "shutdown returned {status:?}: close the worker's stdin so that it exits by itself \
             (exit code 0), then wait for it"
        ),
    );
}

#[test]
fn a_misbehaving_worker_gives_an_error_not_a_panic() {
    let table = run_on_one_worker(vec![
        Task::SumOfSquares(3),
        Task::ReplyGarbage,
        Task::SumOfSquares(4),
        Task::ExitMidTask,
        Task::ReplyToAnotherId,
        Task::SumOfSquares(5),
        Task::ExitMidReply,
        Task::SumOfSquares(6),
    ]);
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}
