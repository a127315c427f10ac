//! Exercise 1.4: three ways to run the same work (book: src/ch01/04-three-models.md).

use chapter1::three_models::{free_threaded, one_thread, processes, threads_under_one_gil};
use support::Exercise;
use support::sim::{Scenario, Tick};

const EXERCISE: Exercise = Exercise::new("1.4", "ch01/04-three-models.md");

/// The classic tutorial's picture: three pieces of CPU-bound work, the third one shorter.
const WORK: [Tick; 3] = [12, 12, 8];
const TURN: Tick = 4;

/// A model's title, and how to build its scenario with the learner's code.
type Model = (&'static str, fn() -> Scenario);

#[test]
fn the_same_work_four_ways() {
    let models: [Model; 4] = [
        ("one thread", || one_thread(&WORK)),
        ("three threads, one GIL", || {
            threads_under_one_gil(&WORK, TURN)
        }),
        ("three processes, a GIL each", || processes(&WORK, TURN)),
        ("three threads, no GIL (free-threaded build)", || {
            free_threaded(&WORK)
        }),
    ];
    let mut reports = Vec::new();
    for (title, build) in models {
        let timeline = EXERCISE
            .run(move || build().run())
            .unwrap_or_else(|error| EXERCISE.fail(format!("{title}: {error}")));
        reports.push(timeline.report(title));
    }
    let timelines = reports.join("\n");
    EXERCISE.answer_key(|| insta::assert_snapshot!(timelines));
}
