//! Exercise 1.4: three ways to run the same work (book: src/ch01/04-three-models.md).

use chapter1::three_models::{free_threaded, one_thread, processes, threads_under_one_gil};
use support::Exercise;
use support::sim::{Scenario, Tick};
use support::timeline::State;

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

/// A model, how to build it, its threads (name, ticks of Python), its total ticks and the most
/// threads running Python at once.
type Expected = (
    &'static str,
    fn() -> Scenario,
    Vec<(String, Tick)>,
    Tick,
    usize,
);

/// Other work, not in the answer key: each model must still run every piece under the right
/// names, and take the time its model implies (so code written for the book's three pieces of
/// 12, 12 and 8 ticks fails).
#[test]
fn other_work_takes_the_time_each_model_implies() {
    const OTHER: [Tick; 4] = [3, 7, 5, 1];
    const OTHER_TURN: Tick = 2;
    let sum: Tick = OTHER.iter().sum();
    let longest = OTHER.iter().copied().max().unwrap_or(0);
    let numbered = |prefix: &str| -> Vec<String> {
        (1..=OTHER.len()).map(|n| format!("{prefix}{n}")).collect()
    };
    let expected: [Expected; 4] = [
        (
            "one_thread",
            || one_thread(&OTHER),
            vec![("main".to_owned(), sum)],
            sum,
            1,
        ),
        (
            "threads_under_one_gil",
            || threads_under_one_gil(&OTHER, OTHER_TURN),
            numbered("T").into_iter().zip(OTHER).collect(),
            sum,
            1,
        ),
        (
            "processes",
            || processes(&OTHER, OTHER_TURN),
            numbered("P").into_iter().zip(OTHER).collect(),
            longest,
            OTHER.len(),
        ),
        (
            "free_threaded",
            || free_threaded(&OTHER),
            numbered("T").into_iter().zip(OTHER).collect(),
            longest,
            OTHER.len(),
        ),
    ];
    for (model, build, threads, total, parallel) in expected {
        let timeline = EXERCISE
            .run(move || build().run())
            .unwrap_or_else(|error| EXERCISE.fail(format!("{model}: {error}")));
        let got: Vec<(String, Tick)> = timeline
            .rows
            .iter()
            .map(|row| (row.thread.clone(), row.ticks_in(State::Python)))
            .collect();
        EXERCISE.check(
            got == threads,
            format!(
                "{model}(&{OTHER:?}, ..) ran threads {got:?} (name, ticks of Python), not \
                 {threads:?}: build this model's threads from `work`, as the doc comment of \
                 {model} says"
            ),
        );
        EXERCISE.check(
            timeline.total_ticks() == total && timeline.max_parallel_python() == parallel,
            format!(
                "{model}(&{OTHER:?}, ..) took {} ticks with at most {} thread(s) running Python \
                 at once; this model should take {total} ticks with {parallel}",
                timeline.total_ticks(),
                timeline.max_parallel_python()
            ),
        );
    }
}
