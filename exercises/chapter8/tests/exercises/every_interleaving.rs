//! Running a drill under loom's model checker, and saying in one sentence what it found.
//!
//! The library compiles drills 8.1 to 8.8 a second time against loom's types
//! (`chapter8::under_loom`). Loom runs a small model again and again, and at every
//! synchronisation point tries each thread that could run next: a deadlock, a lost wake-up or a
//! wrong order in *any* interleaving fails the test, not only in the ones the operating system
//! happens to produce. What the models record (the prints, who holds a fork) goes through loom's
//! types too, so that loom also tries switching threads between the drill's code and the record.
//!
//! The models are small on purpose, each checked in well under a second in a debug build.

use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::time::Duration;

use support::Exercise;
use support::exercise::panic_message;

/// A safety net for a slow, busy machine; the models finish in well under a second. (A thread
/// spinning on std's atomics, which loom cannot see, never gives loom control back: this ends it.)
const LIMIT: Duration = Duration::from_secs(10);

/// Checks `model` under every interleaving loom explores, at most `preemptions` forced switches
/// per interleaving (`None`: no bound). Fails the test with a sentence if any interleaving fails.
pub fn check(exercise: Exercise, preemptions: Option<usize>, model: fn()) {
    let outcome = exercise.run_within(LIMIT, move || {
        let mut builder = loom::model::Builder::new();
        builder.preemption_bound = preemptions;
        panic::catch_unwind(AssertUnwindSafe(|| builder.check(model))).map_err(|payload| {
            let message = panic_message(payload.as_ref());
            if message.starts_with("not yet implemented") || message.starts_with("not implemented")
            {
                // Reported by the watchdog as "not implemented yet", like everywhere else.
                panic::resume_unwind(payload);
            }
            message
        })
    });
    if let Err(message) = outcome {
        exercise.fail(explain(&message));
    }
}

/// Loom's own panics, in the learner's terms.
fn explain(loom_message: &str) -> String {
    let first_line = loom_message.lines().next().unwrap_or_default();
    if first_line.starts_with("deadlock") {
        "checked under every interleaving with loom, one interleaving ended with every thread \
         blocked, waiting for a lock or a notification that nobody was left to give: a deadlock \
         or a lost wake-up"
            .to_owned()
    } else if first_line.starts_with("Model exceeded maximum number of branches") {
        "checked under every interleaving with loom, a thread went round a loop too many times \
         without blocking: wait on the Condvar instead of spinning"
            .to_owned()
    } else {
        format!(
            "checked under every interleaving with loom, one interleaving went wrong: {first_line}"
        )
    }
}

/// One side of a drill that prints (`foo`, `even`, `third`, ...), called with the drill and
/// `print`, which records one word.
pub type Side<D> = fn(&D, &dyn Fn(&str));

/// Inside a model: runs each of `spawned` on a loom thread of its own, started in that order,
/// and `main` on the model's own thread, all on `drill`; returns the words they printed, joined
/// by `separator`. The record is loom's `Mutex`, so that loom also tries switching threads
/// between the drill's code and the print.
pub fn printed_by<D: Send + Sync + 'static>(
    drill: D,
    main: Side<D>,
    spawned: &[Side<D>],
    separator: &str,
) -> String {
    // std's Arc: loom's would abort the test binary if dropped while loom reports a deadlock
    // (tokio-rs/loom issue 291).
    let drill = Arc::new(drill);
    let printed = Arc::new(loom::sync::Mutex::new(Vec::<String>::new()));
    let others: Vec<_> = spawned
        .iter()
        .map(|&side| {
            let (drill, printed) = (Arc::clone(&drill), Arc::clone(&printed));
            loom::thread::spawn(move || {
                side(&drill, &|word| {
                    printed.lock().unwrap().push(word.to_owned())
                });
            })
        })
        .collect();
    main(&drill, &|word| {
        printed.lock().unwrap().push(word.to_owned())
    });
    for other in others {
        other.join().unwrap();
    }
    printed.lock().unwrap().join(separator)
}
