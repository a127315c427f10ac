//! Exercise 8.8: a thread pool with graceful shutdown (book: src/ch08/08-thread-pool.md).

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::{self, ThreadId};
use std::time::Duration;

use chapter8::thread_pool::ThreadPool;
use support::Exercise;

use super::every_interleaving;

const EXERCISE: Exercise = Exercise::new("8.8", "ch08/08-thread-pool.md").with_hang_hint(
    "shutdown waits for workers that never learn they should stop: close the channel (drop the \
     sender) before joining them",
);

/// What the jobs saw: which ran, on which threads, and how many worker threads are still alive.
#[derive(Default)]
struct Record {
    ran: Mutex<Vec<usize>>,
    threads: Mutex<HashSet<ThreadId>>,
    alive: Arc<AtomicUsize>,
}

/// Lives in a worker's thread-local storage: it is dropped when the worker thread exits, so
/// `alive` counts worker threads that have not exited yet.
struct ExitWitness(Arc<AtomicUsize>);

impl Drop for ExitWitness {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

thread_local! {
    static WITNESS: RefCell<Option<ExitWitness>> = const { RefCell::new(None) };
}

impl Record {
    /// Submits jobs `0..jobs` to `pool`: each does `work(job)`, then records that it ran.
    fn submit(self: &Arc<Self>, pool: &ThreadPool, jobs: usize, work: fn(usize)) {
        for job in 0..jobs {
            let record = Arc::clone(self);
            pool.execute(move || {
                work(job);
                record.job_ran(job);
            });
        }
    }

    fn job_ran(&self, job: usize) {
        self.ran.lock().unwrap().push(job);
        self.threads.lock().unwrap().insert(thread::current().id());
        WITNESS.with(|witness| {
            witness.borrow_mut().get_or_insert_with(|| {
                self.alive.fetch_add(1, Ordering::SeqCst);
                ExitWitness(Arc::clone(&self.alive))
            });
        });
    }

    fn summary(&self) -> (String, usize, usize) {
        let mut ran = self.ran.lock().unwrap().clone();
        let count = ran.len();
        ran.sort_unstable();
        ran.dedup();
        let each_once = if ran.len() == count { "yes" } else { "no" };
        let threads = self.threads.lock().unwrap().len();
        (
            format!("{count} (each exactly once: {each_once})"),
            threads,
            self.alive.load(Ordering::SeqCst),
        )
    }
}

/// The first jobs meet here: each waits (a bounded while) until `expected` jobs are running at
/// once. Only a pool that really runs that many jobs at a time gets them all there; the others
/// give up after a while, and the test shows how many ran at once.
struct Rendezvous {
    expected: usize,
    /// (running now, most running at once, someone gave up waiting)
    state: Mutex<(usize, usize, bool)>,
    changed: Condvar,
}

impl Rendezvous {
    const GIVE_UP: Duration = Duration::from_secs(2);

    fn new(expected: usize) -> Self {
        Self {
            expected,
            state: Mutex::new((0, 0, false)),
            changed: Condvar::new(),
        }
    }

    fn meet(&self) {
        let mut state = self.state.lock().unwrap();
        state.0 += 1;
        state.1 = state.1.max(state.0);
        self.changed.notify_all();
        let (mut state, timeout) = self
            .changed
            .wait_timeout_while(state, Self::GIVE_UP, |(_, most, gave_up)| {
                *most < self.expected && !*gave_up
            })
            .unwrap();
        if timeout.timed_out() {
            state.2 = true;
            self.changed.notify_all();
        }
        state.0 -= 1;
    }

    fn most_at_once(&self) -> usize {
        self.state.lock().unwrap().1
    }
}

/// Before the answer key: for the first row whose value is not `expected`, fails with its
/// sentence, in which `{seen}` stands for the value seen (without its remark in brackets).
fn check_rows(rows: &[(&str, String)], checks: &[(&str, &str, &str)]) {
    for &(what, expected, sentence) in checks {
        let seen = rows
            .iter()
            .find(|(row, _)| *row == what)
            .map_or("", |(_, value)| value.as_str());
        let short = seen.split(" (").next().unwrap_or(seen);
        EXERCISE.check(seen == expected, sentence.replace("{seen}", short));
    }
}

fn table(rows: &[(&str, String)]) -> String {
    rows.iter()
        .map(|(what, value)| format!("{what:<44} {value}\n"))
        .collect()
}

#[test]
fn workers_run_every_job_and_shutdown_waits_for_them() {
    const WORKERS: usize = 3;
    const JOBS: usize = 200;
    let rows = EXERCISE.run(|| {
        let record = Arc::new(Record::default());
        let first_jobs = Arc::new(Rendezvous::new(WORKERS));
        let shutdown_returned = Arc::new(AtomicBool::new(false));
        let ran_after_shutdown_returned = Arc::new(AtomicUsize::new(0));
        let pool = ThreadPool::new(WORKERS);
        for job in 0..JOBS {
            let (record, first_jobs) = (Arc::clone(&record), Arc::clone(&first_jobs));
            let (returned, ran_after) = (
                Arc::clone(&shutdown_returned),
                Arc::clone(&ran_after_shutdown_returned),
            );
            pool.execute(move || {
                if job < WORKERS {
                    first_jobs.meet();
                }
                if job == JOBS - 1 {
                    // The last job takes a while: a shutdown that does not wait for it returns
                    // before it is done, and this job sees that it did.
                    thread::sleep(Duration::from_millis(50));
                }
                record.job_ran(job);
                if returned.load(Ordering::SeqCst) {
                    ran_after.fetch_add(1, Ordering::SeqCst);
                }
            });
        }
        pool.shutdown();
        shutdown_returned.store(true, Ordering::SeqCst);
        // Right after shutdown returns: nothing may still be running or queued.
        let (ran, threads, alive) = record.summary();
        vec![
            ("workers asked for", WORKERS.to_string()),
            ("jobs submitted", JOBS.to_string()),
            (
                "most of the first jobs running at once",
                first_jobs.most_at_once().to_string(),
            ),
            ("jobs run when shutdown() returned", ran),
            (
                "jobs finished after shutdown() returned",
                ran_after_shutdown_returned
                    .load(Ordering::SeqCst)
                    .to_string(),
            ),
            ("threads that ran jobs", threads.to_string()),
            ("worker threads alive after shutdown()", alive.to_string()),
        ]
    });
    check_rows(
        &rows,
        &[
            (
                "jobs run when shutdown() returned",
                "200 (each exactly once: yes)",
                "when shutdown() returned, {seen} of the 200 jobs submitted had run: shutdown \
                 must let the workers finish every job already submitted, and join them",
            ),
            (
                "jobs finished after shutdown() returned",
                "0",
                "{seen} job(s) were still running when shutdown() returned: join every worker \
                 before returning",
            ),
            (
                "worker threads alive after shutdown()",
                "0",
                "{seen} worker thread(s) were still alive when shutdown() returned: join them",
            ),
            (
                "most of the first jobs running at once",
                "3",
                "at most {seen} of the first 3 jobs ran at the same time on a pool of 3 workers: \
                 does a worker let go of the receiver's lock before it runs the job?",
            ),
        ],
    );
    EXERCISE.answer_key(|| insta::assert_snapshot!(table(&rows)));
}

#[test]
fn dropping_a_busy_pool_still_runs_every_queued_job() {
    const JOBS: usize = 50;
    let rows = EXERCISE.run(|| {
        let record = Arc::new(Record::default());
        let pool = ThreadPool::new(2);
        record.submit(&pool, JOBS, |job| {
            if job < 2 {
                // The first two jobs keep both workers busy for a while, so that the other
                // jobs are still queued when the pool is dropped.
                thread::sleep(Duration::from_millis(100));
            }
        });
        drop(pool);
        let (ran, _, alive) = record.summary();
        vec![
            (
                "jobs submitted to a pool of 2, then dropped",
                JOBS.to_string(),
            ),
            ("jobs run when drop returned", ran),
            ("worker threads alive after drop", alive.to_string()),
        ]
    });
    check_rows(
        &rows,
        &[(
            "jobs run when drop returned",
            "50 (each exactly once: yes)",
            "a pool dropped with jobs still queued had run {seen} of 50 jobs when drop returned: \
             the workers must run every job already queued before they stop",
        )],
    );
    EXERCISE.answer_key(|| insta::assert_snapshot!(table(&rows)));
}

#[test]
fn a_panicking_job_does_not_take_its_worker_down() {
    const JOBS: usize = 10;
    let rows = EXERCISE.run(|| {
        let record = Arc::new(Record::default());
        let pool = ThreadPool::new(1);
        pool.execute(|| panic!("this job fails on purpose (the test checks the pool survives it)"));
        record.submit(&pool, JOBS, |_| {});
        pool.shutdown();
        let (ran, _, alive) = record.summary();
        vec![
            (
                "a pool of 1 worker runs a job that panics",
                "then 10 more".to_owned(),
            ),
            ("jobs run after the panic", ran),
            ("worker threads alive after shutdown()", alive.to_string()),
        ]
    });
    check_rows(
        &rows,
        &[(
            "jobs run after the panic",
            "10 (each exactly once: yes)",
            "after a job panicked, a pool of 1 worker had run {seen} of the 10 jobs that \
             followed when shutdown() returned: catch the job's panic in the worker \
             (std::panic::catch_unwind) so that it goes on, and let shutdown wait for the jobs",
        )],
    );
    EXERCISE.answer_key(|| insta::assert_snapshot!(table(&rows)));
}

#[test]
fn every_interleaving_of_a_small_pool_runs_every_job_before_shutdown_returns() {
    every_interleaving::check(EXERCISE, Some(2), || {
        use chapter8::under_loom::thread_pool::ThreadPool;
        // The record is std's Mutex: a job only pushes to it, and it is read after shutdown.
        let ran = Arc::new(Mutex::new(Vec::new()));
        let pool = ThreadPool::new(2);
        for job in 0..2 {
            let ran = Arc::clone(&ran);
            pool.execute(move || ran.lock().unwrap().push(job));
        }
        pool.shutdown();
        let mut ran = ran.lock().unwrap().clone();
        ran.sort_unstable();
        assert!(
            ran == [0, 1],
            "when shutdown() returned, the pool of 2 workers had run jobs {ran:?} of [0, 1]"
        );
    });
}
