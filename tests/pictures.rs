//! The book's timeline pictures are drawn by the project's own code, from the reference
//! solutions. This check redraws each one and fails when the committed SVG is out of date.
//! Redraw them all with `UPDATE_PICTURES=1 cargo test --test pictures`.

mod common;

use support::sim::{HoldUntilBlocked, Scenario, Step, ThreadSpec, thread};
use support::timeline::{Timeline, svg};

/// A picture in the book: where it lives under src/, its title, and the scenario it shows.
struct Picture {
    path: &'static str,
    title: &'static str,
    scenario: fn() -> Scenario,
}

/// Chapter 1's seed example: three CPU-bound pieces of work, the third one shorter.
const WORK: [u64; 3] = [12, 12, 8];

fn pictures() -> Vec<Picture> {
    use chapter1::taking_turns::TakeTurns;
    use chapter1::three_models::{free_threaded, one_thread, processes, threads_under_one_gil};
    vec![
        Picture {
            path: "ch01/img/one-thread.svg",
            title: "One thread does all the work",
            scenario: || one_thread(&WORK),
        },
        Picture {
            path: "ch01/img/threads-one-gil.svg",
            title: "Three threads share one GIL, taking turns of 4 ticks",
            scenario: || threads_under_one_gil(&WORK, 4),
        },
        Picture {
            path: "ch01/img/processes.svg",
            title: "Three processes, a GIL each",
            scenario: || processes(&WORK, 4),
        },
        Picture {
            path: "ch01/img/free-threaded.svg",
            title: "Three threads, no GIL (free-threaded build)",
            scenario: || free_threaded(&WORK),
        },
        Picture {
            path: "ch01/img/hold-until-blocked.svg",
            title: "A plain lock: the first thread keeps the GIL until it is done",
            scenario: || {
                let threads = numbered(WORK.map(|ticks| [Step::Python(ticks)]));
                Scenario::new().process("python", HoldUntilBlocked, threads)
            },
        },
        Picture {
            path: "ch01/img/io-lets-others-run.svg",
            title: "T1 blocks on I/O: the GIL goes to T2 at once",
            scenario: || {
                let threads = [
                    thread("T1", [Step::Python(6), Step::Io(6), Step::Python(6)]),
                    thread("T2", [Step::Python(16)]),
                ];
                Scenario::new().process("python", TakeTurns { turn: 4 }, threads)
            },
        },
        // Chapter 3: four requests, each a little Python to send, a wait, then Python to parse.
        Picture {
            path: "ch03/img/io-bound-under-gil.svg",
            title: "I/O-bound: four threads under one GIL, their waits overlap",
            scenario: || Scenario::new().process("python", TakeTurns { turn: 4 }, requests(1)),
        },
        Picture {
            path: "ch03/img/mixed-under-gil.svg",
            title: "Mixed: the waits overlap, the parsing takes turns under the GIL",
            scenario: || Scenario::new().process("python", TakeTurns { turn: 4 }, requests(5)),
        },
        Picture {
            path: "ch03/img/mixed-free-threaded.svg",
            title: "Mixed, no GIL: the parsing runs in parallel too (one core per thread)",
            scenario: || Scenario::new().free_threaded_process("python3.14t", requests(5)),
        },
        Picture {
            path: "ch04/img/native-holds-the-gil.svg",
            title: "native code that keeps the GIL",
            scenario: || native_calls(Step::Python),
        },
        Picture {
            path: "ch04/img/native-releases-the-gil.svg",
            title: "native code that releases the GIL (py.detach)",
            scenario: || native_calls(Step::Native),
        },
    ]
}

/// Threads named T1, T2, ... running `scripts`, one each.
fn numbered<S: IntoIterator<Item = Step>>(scripts: impl IntoIterator<Item = S>) -> Vec<ThreadSpec> {
    (1..)
        .zip(scripts)
        .map(|(number, script)| thread(format!("T{number}"), script))
        .collect()
}

/// Chapter 3's pictures: four threads, each one request: send (1 tick of Python), wait 10,
/// parse (`parse` ticks of Python).
fn requests(parse: u64) -> Vec<ThreadSpec> {
    numbered([[Step::Python(1), Step::Io(10), Step::Python(parse)]; 4])
}

/// Exercise 4.5's pictures: three threads each run 2 ticks of Python, a native call of 8
/// ticks, and 2 more ticks of Python. `native` says how the call runs: holding the GIL (for
/// the other threads, as good as Python) or with the GIL released.
fn native_calls(native: fn(u64) -> Step) -> Scenario {
    let threads = numbered([[Step::Python(2), native(8), Step::Python(2)]; 3]);
    Scenario::new().process("python", HoldUntilBlocked, threads)
}

/// Every picture of the book: its path under src/, and the SVG drawn now.
fn drawn_pictures() -> Vec<(String, String)> {
    let mut drawn: Vec<(String, String)> = pictures()
        .into_iter()
        .map(|picture| {
            let timeline: Timeline = (picture.scenario)()
                .run()
                .unwrap_or_else(|error| panic!("{}: the scenario failed: {error}", picture.path));
            (
                picture.path.to_owned(),
                svg(&timeline, picture.title) + "\n",
            )
        })
        .collect();
    for picture in chapter2::pictures::all() {
        let path = format!("ch02/img/{}", picture.file);
        drawn.push((path, svg(&picture.timeline, picture.title) + "\n"));
    }
    drawn
}

#[test]
fn book_pictures_are_up_to_date() {
    let update = std::env::var_os("UPDATE_PICTURES").is_some();
    let mut stale = Vec::new();
    for (picture, drawn) in drawn_pictures() {
        let path = common::root().join("src").join(&picture);
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &drawn).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(drawn.as_str()) {
            stale.push(format!("src/{picture}"));
        }
    }
    assert!(
        stale.is_empty(),
        "these pictures are missing or out of date: {stale:?}\nredraw them with `UPDATE_PICTURES=1 cargo test --test pictures`"
    );
}
