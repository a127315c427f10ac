//! Running a loom model from a test, with loom's failures told as one sentence.

use std::any::Any;
use std::cell::Cell;
use std::fmt::Display;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::exercise::{Exercise, panic_message};

thread_local! {
    /// Set while this OS thread runs a model; see `super::in_model`.
    pub(super) static IN_MODEL: Cell<bool> = const { Cell::new(false) };
}

/// Runs a test body under loom, once for every interleaving of its threads, for one exercise.
///
/// ```ignore
/// const MODEL: Model = Model::new(EXERCISE).preemption_bound(3);
/// MODEL.check(|| {
///     let count = Arc::new(LockedCount::new(0));        // created inside: loom's types
///     let other = thread::spawn({ let count = Arc::clone(&count); move || count.incref() });
///     count.incref();
///     other.join().unwrap();
///     if count.get() != 2 { violated("an increment was lost") }
/// });
/// ```
/// A failure ends the test with one sentence naming the exercise and its page: a deadlock, an
/// interleaving that never ends (a spin loop), or what [`violated`] was told. A `todo!()` or a
/// panic in the learner's code is reported by the watchdog, with its place.
#[derive(Clone, Copy, Debug)]
pub struct Model {
    exercise: Exercise,
    preemption_bound: Option<usize>,
    max_branches: usize,
    limit: Duration,
}

/// Stops the current interleaving of a [`Model`]: `what` says what went wrong, in the
/// learner's terms ("the queue of capacity 1 held two items").
pub fn violated(what: impl Display) -> ! {
    panic::panic_any(Violation(what.to_string()))
}

/// The payload of [`violated`], so that a test's finding is told apart from a learner's panic.
struct Violation(String);

impl Model {
    pub const fn new(exercise: Exercise) -> Self {
        Self {
            exercise,
            preemption_bound: None,
            // loom's default: an interleaving with more scheduling decisions is a spin loop.
            max_branches: 1_000,
            // A model of an exercise explores in well under a second in a debug build. The
            // watchdog calls a run stuck only when it stops using CPU for this long (a slow run
            // on a busy machine goes on); a deadlock or a spin loop is reported by loom itself,
            // at once.
            limit: Duration::from_secs(10),
        }
    }

    /// Explores only interleavings in which threads are switched against their will at most
    /// `bound` times (2 or 3 finds almost every bug; without a bound the number of
    /// interleavings explodes with every thread and step).
    pub const fn preemption_bound(self, bound: usize) -> Self {
        Self {
            preemption_bound: Some(bound),
            ..self
        }
    }

    /// Runs `body` once for every interleaving loom explores, and returns how many it tried.
    pub fn check(&self, body: impl Fn() + Sync + Send + 'static) -> usize {
        let model = *self;
        match self
            .exercise
            .run_within(self.limit, move || model.explore(body))
        {
            Ok(tried) => tried,
            Err(what) => self.exercise.fail(what),
        }
    }

    fn explore(self, body: impl Fn() + Sync + Send + 'static) -> Result<usize, String> {
        let mut builder = loom::model::Builder::new();
        builder.max_branches = self.max_branches;
        if self.preemption_bound.is_some() {
            builder.preemption_bound = self.preemption_bound;
        }
        let tried = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&tried);
        let explored = {
            let _inside = InsideModel::enter();
            panic::catch_unwind(AssertUnwindSafe(move || {
                builder.check(move || {
                    counter.fetch_add(1, Ordering::Relaxed);
                    body();
                });
            }))
        };
        let tried = tried.load(Ordering::Relaxed);
        match explored {
            Ok(()) => Ok(tried),
            Err(payload) => Err(self.describe(payload, tried)),
        }
    }

    /// One sentence for what stopped the model; the learner's own panics go on to the watchdog.
    fn describe(&self, payload: Box<dyn Any + Send>, tried: usize) -> String {
        if let Some(Violation(what)) = payload.downcast_ref::<Violation>() {
            return format!("{what} (in interleaving {tried} of those loom tried)");
        }
        let message = panic_message(payload.as_ref());
        if message.starts_with("deadlock") {
            format!(
                "in interleaving {tried} of those loom tried, every thread was left waiting and \
                 none could go on: a deadlock (a lock that is never released, or a wake-up that \
                 nobody sends)"
            )
        } else if message.starts_with("Model exceeded maximum number of branches") {
            format!(
                "in interleaving {tried} of those loom tried, the threads took more than {} steps \
                 without finishing: a thread that waits by looping (a spin loop, or yield_now) \
                 instead of sleeping on a Condvar until another thread makes progress",
                self.max_branches
            )
        } else {
            panic::resume_unwind(payload)
        }
    }
}

/// Marks this OS thread as running a model until dropped, also when the model panics.
struct InsideModel;

impl InsideModel {
    fn enter() -> Self {
        IN_MODEL.with(|flag| flag.set(true));
        Self
    }
}

impl Drop for InsideModel {
    fn drop(&mut self) {
        IN_MODEL.with(|flag| flag.set(false));
    }
}
