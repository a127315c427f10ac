//! Exercise 4.2: a process pool that keeps input order (book: src/ch04/02-process-pool.md).

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

use chapter4::process_pool::{Outcome, Pool};
use chapter4::protocol::{Answer, Task};
use chapter4::worker::sum_of_squares;
use support::Exercise;

use crate::worker_program;

const EXERCISE: Exercise = Exercise::new("4.2", "ch04/02-process-pool.md").with_hang_hint(
    "a feeder that holds the queue's lock while its task runs blocks every other worker; and a \
     pool that waits for its workers before closing their stdin waits forever",
);

fn table(tasks: &[Task], outcomes: &[Outcome]) -> String {
    let mut table = String::from("#  task                       outcome\n");
    for (index, (task, outcome)) in tasks.iter().zip(outcomes).enumerate() {
        let shown = match outcome {
            Ok(answer) => format!("{answer:?}"),
            Err(error) => format!("error: {error}"),
        };
        table.push_str(&format!("{index:<2} {:<26} {shown}\n", format!("{task:?}")));
    }
    table
}

/// Shuts the pool down; returns its workers' exit codes.
fn exit_codes(pool: Pool) -> std::io::Result<Vec<Option<i32>>> {
    let statuses = pool.shutdown()?;
    Ok(statuses.iter().map(|status| status.code()).collect())
}

fn check_one_outcome_per_task(tasks: &[Task], outcomes: &[Outcome]) {
    EXERCISE.check(
        outcomes.len() == tasks.len(),
        format!(
            "map returned {} outcomes for {} tasks: every task must appear in the output exactly \
             once, failures included",
            outcomes.len(),
            tasks.len()
        ),
    );
}

#[test]
fn results_come_back_in_input_order() {
    // Big and small tasks mixed, so that later tasks finish before earlier ones.
    let tasks: Vec<Task> = [3_000_000, 1, 2_000_000, 2, 10, 0, 1_000_000, 3]
        .into_iter()
        .map(Task::SumOfSquares)
        .chain([Task::Echo("order kept".to_owned())])
        .collect();
    let given = tasks.clone();
    let (outcomes, empty, exits) = EXERCISE.run(move || {
        let mut pool = Pool::new(worker_program(), 2).expect("could not start the pool");
        let outcomes = pool.map(given);
        let empty = pool.map(Vec::new());
        let exits = exit_codes(pool);
        (outcomes, empty, exits)
    });
    check_one_outcome_per_task(&tasks, &outcomes);
    EXERCISE.check(empty.is_empty(), "map of no tasks must return no outcomes");
    EXERCISE.answer_key(|| {
        insta::assert_snapshot!(format!(
            "{}\nshutdown, exit codes: {exits:?}\n",
            table(&tasks, &outcomes)
        ))
    });
}

#[test]
fn a_bad_worker_costs_one_task_and_the_pool_goes_on() {
    let tasks = vec![
        Task::SumOfSquares(10),
        Task::ReplyGarbage,
        Task::SumOfSquares(20),
        Task::ExitMidTask,
        Task::SumOfSquares(30),
        Task::ExitMidTask,
        Task::ExitMidTask,
        Task::SumOfSquares(40),
    ];
    let given = tasks.clone();
    let (outcomes, again, exits) = EXERCISE.run(move || {
        let mut pool = Pool::new(worker_program(), 2).expect("could not start the pool");
        let outcomes = pool.map(given);
        // The pool replaced its dead workers: a second map runs on two healthy workers.
        let again = pool.map(vec![Task::SumOfSquares(5), Task::SumOfSquares(6)]);
        let exits = exit_codes(pool);
        (outcomes, again, exits)
    });
    check_one_outcome_per_task(&tasks, &outcomes);
    EXERCISE.answer_key(|| {
        insta::assert_snapshot!(format!(
            "{}\nthen: {again:?}\nshutdown, exit codes: {exits:?}\n",
            table(&tasks, &outcomes)
        ))
    });
}

/// Counts how many workers are inside a `CheckIn` task at the same time. Each batch waits for
/// `expected` workers to check in, then lets them all go on: workers that really run at once all
/// arrive, and the batch closes the moment the last one does (no clock involved). Only a batch
/// that comes up short waits out the patience, once: a pool that runs one task at a time.
fn count_workers_busy_at_once(
    listener: TcpListener,
    tasks: usize,
    expected: usize,
) -> (usize, Vec<u32>) {
    let mut patience = Duration::from_secs(4);
    listener
        .set_nonblocking(true)
        .expect("nonblocking listener");
    let deadline = Instant::now() + Duration::from_secs(12);
    let mut most_at_once = 0;
    let mut seen = Vec::new();
    while seen.len() < tasks && Instant::now() < deadline {
        let mut batch: Vec<TcpStream> = Vec::new();
        let mut first_arrival: Option<Instant> = None;
        while batch.len() < expected
            && first_arrival.is_none_or(|first| first.elapsed() < patience)
            && Instant::now() < deadline
        {
            match listener.accept() {
                Ok((mut stream, _)) => {
                    stream.set_nonblocking(false).expect("blocking stream");
                    let mut task = [0u8; 4];
                    if stream.read_exact(&mut task).is_ok() {
                        seen.push(u32::from_be_bytes(task));
                        batch.push(stream);
                        first_arrival.get_or_insert_with(Instant::now);
                    }
                }
                Err(_) => thread::sleep(Duration::from_millis(5)),
            }
        }
        if batch.len() < expected {
            // The verdict is in: no need to wait for the stragglers of the next batches.
            patience = Duration::ZERO;
        }
        most_at_once = most_at_once.max(batch.len());
        for mut stream in batch {
            let _ = stream.write_all(&[1]);
        }
    }
    seen.sort_unstable();
    (most_at_once, seen)
}

/// A listener on a loopback port, and a thread counting the workers that check in on it.
fn start_counting(tasks: usize, expected: usize) -> (u16, thread::JoinHandle<(usize, Vec<u32>)>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let port = listener.local_addr().expect("local address").port();
    let counter = thread::spawn(move || count_workers_busy_at_once(listener, tasks, expected));
    (port, counter)
}

#[test]
fn workers_run_tasks_at_the_same_time() {
    const WORKERS: usize = 2;
    const TASKS: u32 = 4;
    let (port, counter) = start_counting(TASKS as usize, WORKERS);
    let tasks: Vec<Task> = (0..TASKS)
        .map(|task| Task::CheckIn { port, task })
        .collect();
    let outcomes = EXERCISE.run_within(Duration::from_secs(15), move || {
        let mut pool = Pool::new(worker_program(), WORKERS).expect("could not start the pool");
        let outcomes = pool.map(tasks);
        let _ = pool.shutdown();
        outcomes
    });
    let (most_at_once, seen) = counter.join().expect("the counting thread");
    EXERCISE.check(
        most_at_once == WORKERS,
        format!(
            "at most {most_at_once} worker(s) ran a task at the same time, in a pool of {WORKERS}: \
             give each worker its own thread that feeds it tasks, so they all work at once"
        ),
    );
    let answers: Vec<String> = outcomes
        .iter()
        .map(|outcome| match outcome {
            Ok(answer) => format!("{answer:?}"),
            Err(error) => format!("error: {error}"),
        })
        .collect();
    EXERCISE.answer_key(|| {
        insta::assert_snapshot!(format!(
            "pool of {WORKERS} workers, {TASKS} tasks\n\
             most workers busy at the same time: {most_at_once}\n\
             tasks that checked in: {seen:?}\n\
             outcomes: {answers:?}\n"
        ))
    });
}

/// Plays a script with the workers that check in: each step waits until the listed tasks are
/// all inside their workers at once, then lets the listed ones go on. Event-bound: a step ends
/// the moment its last task checks in. Only a pool that cannot get there (one task at a time)
/// waits out the patience, once; then everyone is let go. Returns whether the script played out.
fn conduct(listener: TcpListener, steps: &[(&[u32], &[u32])]) -> bool {
    let patience = Duration::from_secs(4);
    listener
        .set_nonblocking(true)
        .expect("nonblocking listener");
    let mut inside: Vec<(u32, TcpStream)> = Vec::new();
    for (wait_for, release) in steps {
        let since = Instant::now();
        while !wait_for
            .iter()
            .all(|task| inside.iter().any(|(t, _)| t == task))
        {
            if since.elapsed() > patience {
                for (_, mut stream) in inside {
                    let _ = stream.write_all(&[1]);
                }
                return false;
            }
            match listener.accept() {
                Ok((mut stream, _)) => {
                    stream.set_nonblocking(false).expect("blocking stream");
                    let mut task = [0u8; 4];
                    if stream.read_exact(&mut task).is_ok() {
                        inside.push((u32::from_be_bytes(task), stream));
                    }
                }
                Err(_) => thread::sleep(Duration::from_millis(5)),
            }
        }
        for (_, stream) in inside.iter_mut().filter(|(task, _)| release.contains(task)) {
            let _ = stream.write_all(&[1]);
        }
        inside.retain(|(task, _)| !release.contains(task));
    }
    true
}

/// Two workers, and a script that decides who runs what: the worker that takes task 0 is held
/// there while the other runs tasks 1, 2 and 3; then it runs task 4. So the tasks finish out of
/// input order, and neither worker ran a stretch of consecutive tasks, every run; a pool that
/// lists outcomes as they finish, or worker after worker, shows it.
#[test]
fn outcomes_keep_input_order_whoever_runs_what() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let port = listener.local_addr().expect("local address").port();
    let conductor = thread::spawn(move || {
        conduct(
            listener,
            &[(&[0, 2], &[2]), (&[0, 3], &[0]), (&[3, 4], &[3, 4])],
        )
    });
    let tasks = vec![
        Task::CheckIn { port, task: 0 },
        Task::Echo("one".to_owned()),
        Task::CheckIn { port, task: 2 },
        Task::CheckIn { port, task: 3 },
        Task::CheckIn { port, task: 4 },
    ];
    let given = tasks.clone();
    let (outcomes, from_no_size) = EXERCISE.run_within(Duration::from_secs(15), move || {
        let mut pool = Pool::new(worker_program(), 2).expect("could not start the pool");
        let outcomes = pool.map(given);
        let _ = pool.shutdown();
        // `size` 0 still means one worker.
        let mut pool = Pool::new(worker_program(), 0).expect("could not start the pool");
        let from_no_size = pool.map(vec![Task::SumOfSquares(4)]);
        let _ = pool.shutdown();
        (outcomes, from_no_size)
    });
    let played_out = conductor.join().expect("the conducting thread");
    check_one_outcome_per_task(&tasks, &outcomes);
    EXERCISE.check(
        played_out,
        "task 0 waits inside its worker until another worker runs task 2, and none did: give \
         each worker its own thread that feeds it tasks, so they all work at once",
    );
    let mut expected = vec![Ok(Answer::CheckedIn); 5];
    expected[1] = Ok(Answer::Echo("one".to_owned()));
    EXERCISE.check(
        outcomes == expected,
        format!(
            "one worker ran tasks 0 and 4, the other tasks 1, 2 and 3, finishing in the order \
             1, 2, 0, then 3 and 4; yet the outcomes are\n{}\nput each outcome at its task's \
             index (outcomes[i] belongs to tasks[i]), not in the order the tasks finish or \
             worker after worker",
            table(&tasks, &outcomes)
        ),
    );
    EXERCISE.check(
        from_no_size == [Ok(Answer::Sum(sum_of_squares(4)))],
        format!(
            "Pool::new(program, 0) then map([SumOfSquares(4)]) gave {from_no_size:?}: a pool \
             has at least one worker (size.max(1))"
        ),
    );
}

/// Tasks in no answer key: each outcome must be the answer to its own task.
#[test]
fn many_tasks_each_get_their_own_answer() {
    let tasks: Vec<Task> = (0..40u64)
        .map(|i| Task::SumOfSquares((i * 7_919 + 13) % 20_000))
        .collect();
    let given = tasks.clone();
    let outcomes = EXERCISE.run(move || {
        let mut pool = Pool::new(worker_program(), 3).expect("could not start the pool");
        let outcomes = pool.map(given);
        let _ = pool.shutdown();
        outcomes
    });
    check_one_outcome_per_task(&tasks, &outcomes);
    for (index, (task, outcome)) in tasks.iter().zip(&outcomes).enumerate() {
        let Task::SumOfSquares(n) = task else {
            unreachable!()
        };
        EXERCISE.check(
            *outcome == Ok(Answer::Sum(sum_of_squares(*n))),
            format!(
                "outcome {index} is {outcome:?}, but task {index} is {task:?} (answer: \
                 Sum({})): outcomes[i] must be the answer to tasks[i]",
                sum_of_squares(*n)
            ),
        );
    }
}
