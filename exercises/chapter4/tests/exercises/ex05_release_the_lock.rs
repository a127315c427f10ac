//! Exercise 4.5: native code that releases the lock
//! (book: src/ch04/05-releasing-the-lock.md).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

use chapter4::interpreter::{Interpreter, PyBytes, PyList, Python};
use chapter4::release_the_lock::checksums;
use support::Exercise;
use support::testkit::Occupancy;

const EXERCISE: Exercise = Exercise::new("4.5", "ch04/05-releasing-the-lock.md").with_hang_hint(
    "a thread that takes the GIL while it already holds it waits for itself: call py.detach \
     once, around the native work, and do not call interpreter.attach inside it",
);

const ITEMS: usize = 3;

/// What the crunching calls saw: how many ran at once, and how many held the GIL meanwhile.
struct Crunching<'a> {
    interpreter: &'a Interpreter,
    threads: usize,
    /// How long the first crunch of each thread waits for the other threads' first crunch.
    patience: Duration,
    arrived: Mutex<usize>,
    everyone_arrived: Condvar,
    inside: Occupancy,
    calls_holding_the_gil: AtomicUsize,
}

impl<'a> Crunching<'a> {
    fn new(interpreter: &'a Interpreter, threads: usize, patience: Duration) -> Self {
        Self {
            interpreter,
            threads,
            patience,
            arrived: Mutex::new(0),
            everyone_arrived: Condvar::new(),
            inside: Occupancy::new(),
            calls_holding_the_gil: AtomicUsize::new(0),
        }
    }

    /// The native work: a checksum of the bytes. A thread's first call waits (bounded) until
    /// every thread is crunching: only threads that crunch at the same time all get there.
    fn crunch(&self, bytes: &[u8]) -> u64 {
        let holding_the_gil = self.interpreter.held_by_current_thread();
        if holding_the_gil {
            self.calls_holding_the_gil.fetch_add(1, Ordering::SeqCst);
        }
        let inside = self.inside.enter();
        // A thread that holds the GIL keeps every other Python thread out: nobody can join it,
        // so it does not wait.
        if bytes.starts_with(b"item 0") && !holding_the_gil {
            let mut arrived = self.arrived.lock().unwrap();
            *arrived += 1;
            self.everyone_arrived.notify_all();
            let _ = self
                .everyone_arrived
                .wait_timeout_while(arrived, self.patience, |arrived| *arrived < self.threads)
                .unwrap();
        }
        drop(inside);
        bytes.iter().fold(0u64, |sum, &byte| {
            sum.wrapping_mul(31).wrapping_add(u64::from(byte))
        })
    }

    fn row(&self, name: &str) -> String {
        format!(
            "{name:<30} {:>14}  {:>22}  {:>3} of {}\n",
            self.threads,
            self.inside.most(),
            self.calls_holding_the_gil.load(Ordering::SeqCst),
            self.inside.entries(),
        )
    }
}

type Extension = fn(Python<'_>, &[PyBytes], &(dyn Fn(&[u8]) -> u64 + Sync)) -> PyList;

/// The naive extension, for contrast: it crunches while holding the GIL.
fn checksums_holding_the_gil(
    py: Python<'_>,
    items: &[PyBytes],
    crunch: &(dyn Fn(&[u8]) -> u64 + Sync),
) -> PyList {
    PyList::new(py, items.iter().map(|item| crunch(item.as_bytes(py))))
}

fn yours(py: Python<'_>, items: &[PyBytes], crunch: &(dyn Fn(&[u8]) -> u64 + Sync)) -> PyList {
    checksums(py, items, crunch)
}

/// `threads` Python threads call the extension at the same time, each on its own items.
fn call_from_python_threads(
    name: &'static str,
    extension: Extension,
    threads: usize,
    patience: Duration,
) -> (String, Vec<u64>) {
    EXERCISE.run_within(Duration::from_secs(15), move || {
        let interpreter = Interpreter::new();
        let crunching = Crunching::new(&interpreter, threads, patience);
        let results: Vec<Vec<u64>> = thread::scope(|scope| {
            let callers: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        interpreter.attach(|py| {
                            let items: Vec<PyBytes> = (0..ITEMS)
                                .map(|i| PyBytes::new(py, format!("item {i}").as_bytes()))
                                .collect();
                            let crunch = |bytes: &[u8]| crunching.crunch(bytes);
                            extension(py, &items, &crunch).to_vec(py)
                        })
                    })
                })
                .collect();
            callers
                .into_iter()
                .map(|caller| caller.join().expect("a Python thread panicked"))
                .collect()
        });
        (
            crunching.row(name),
            results.into_iter().next().unwrap_or_default(),
        )
    })
}

#[test]
fn python_threads_crunch_at_once_when_the_extension_detaches() {
    let (contrast, _) = call_from_python_threads(
        "holds the GIL (for contrast)",
        checksums_holding_the_gil,
        2,
        Duration::from_secs(3),
    );
    let (row, sums) =
        // A generous patience: a right answer never waits it out (the fourth thread's arrival
        // ends the wait), so a busy machine cannot turn it into a failure.
        call_from_python_threads("checksums (yours)", yours, 4, Duration::from_secs(8));
    EXERCISE.answer_key(|| insta::assert_snapshot!(format!(
        "extension function             python threads  most crunching at once  crunch calls holding the GIL\n\
         {contrast}{row}\n\
         checksums of [\"item 0\", \"item 1\", \"item 2\"]: {sums:?}\n"
    )));
}

/// Items in no answer key: the checksums must be `crunch`'s, one per item, in order.
#[test]
fn checksums_of_other_items_come_back_in_order() {
    let texts: Vec<String> = (0..25u64)
        .map(|i| format!("{}:{}", i * 7_919 % 1_000, "é".repeat((i % 7) as usize)))
        .collect();
    let expected: Vec<u64> = texts.iter().map(|text| checksum(text.as_bytes())).collect();
    let given = texts.clone();
    let (sums, empty) = EXERCISE.run(move || {
        let interpreter = Interpreter::new();
        interpreter.attach(|py| {
            let items: Vec<PyBytes> = given
                .iter()
                .map(|text| PyBytes::new(py, text.as_bytes()))
                .collect();
            let sums = checksums(py, &items, checksum).to_vec(py);
            let empty = checksums(py, &[], checksum).to_vec(py);
            (sums, empty)
        })
    });
    EXERCISE.check(
        sums == expected,
        format!(
            "checksums of 25 other items gave {sums:?}, expected {expected:?}: one crunch(item) \
             per item, in the items' order"
        ),
    );
    EXERCISE.check(
        empty.is_empty(),
        format!("checksums of no items gave {empty:?}: an empty list"),
    );
}

fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(7u64, |sum, &byte| {
        sum.wrapping_mul(131).wrapping_add(u64::from(byte))
    })
}
