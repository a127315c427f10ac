//! Exercise 8.8: a thread pool with graceful shutdown (book: src/ch08/08-thread-pool.md).

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier, Mutex, mpsc};
use std::thread::{self, ThreadId};
use std::time::Duration;

use chapter8::thread_pool::ThreadPool;
use support::Exercise;

const EXERCISE: Exercise = Exercise::new("8.8", "ch08/08-thread-pool.md").with_hang_hint(
    "either fewer workers run jobs than the pool was asked for (the first jobs wait for each \
     other at a barrier), or shutdown waits for workers that never learn they should stop: \
     close the channel before joining them",
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
        let all_workers_busy = Arc::new(Barrier::new(WORKERS));
        let pool = ThreadPool::new(WORKERS);
        for job in 0..JOBS {
            let (record, all_workers_busy) = (Arc::clone(&record), Arc::clone(&all_workers_busy));
            pool.execute(move || {
                // The first jobs meet here: only a pool that really runs WORKERS jobs at once
                // gets past this barrier.
                if job < WORKERS {
                    all_workers_busy.wait();
                }
                record.job_ran(job);
            });
        }
        pool.shutdown();
        // Right after shutdown returns: nothing may still be running or queued.
        let (ran, threads, alive) = record.summary();
        vec![
            ("workers asked for", WORKERS.to_string()),
            ("jobs submitted", JOBS.to_string()),
            (
                "first jobs running at once (a barrier)",
                WORKERS.to_string(),
            ),
            ("jobs run when shutdown() returned", ran),
            ("threads that ran jobs", threads.to_string()),
            ("worker threads alive after shutdown()", alive.to_string()),
        ]
    });
    EXERCISE.answer_key(|| insta::assert_snapshot!(table(&rows)));
}

#[test]
fn dropping_a_busy_pool_still_runs_every_queued_job() {
    const JOBS: usize = 50;
    let rows = EXERCISE.run(|| {
        let record = Arc::new(Record::default());
        let (open_gate, gate) = mpsc::channel::<()>();
        let gate = Arc::new(Mutex::new(gate));
        let pool = ThreadPool::new(2);
        for job in 0..JOBS {
            let (record, gate) = (Arc::clone(&record), Arc::clone(&gate));
            pool.execute(move || {
                if job == 0 {
                    // The first job holds its worker until the gate opens (or 2 s pass), so
                    // plenty of jobs are still queued when the pool is dropped.
                    let _ = gate.lock().unwrap().recv_timeout(Duration::from_secs(2));
                }
                record.job_ran(job);
            });
        }
        let opener = thread::spawn(move || {
            thread::sleep(Duration::from_millis(20));
            let _ = open_gate.send(());
        });
        drop(pool);
        let (ran, _, alive) = record.summary();
        let _ = opener.join();
        vec![
            (
                "jobs submitted to a pool of 2, then dropped",
                JOBS.to_string(),
            ),
            ("jobs run when drop returned", ran),
            ("worker threads alive after drop", alive.to_string()),
        ]
    });
    EXERCISE.answer_key(|| insta::assert_snapshot!(table(&rows)));
}

#[test]
fn a_panicking_job_does_not_take_its_worker_down() {
    const JOBS: usize = 10;
    let rows = EXERCISE.run(|| {
        let record = Arc::new(Record::default());
        let pool = ThreadPool::new(1);
        pool.execute(|| panic!("this job fails on purpose (the test checks the pool survives it)"));
        for job in 0..JOBS {
            let record = Arc::clone(&record);
            pool.execute(move || record.job_ran(job));
        }
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
    EXERCISE.answer_key(|| insta::assert_snapshot!(table(&rows)));
}
