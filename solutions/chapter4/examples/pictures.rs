//! Draws the book's picture for exercise 4.5 with the project's simulated GIL scheduler:
//! three Python threads calling a native function that holds the GIL, then one that releases it.
//!
//! ```text
//! cargo run -p chapter4-solution --example pictures
//! ```
//!
//! It prints the timelines as text and writes `src/ch04/native-holds-the-gil.svg` and
//! `src/ch04/native-releases-the-gil.svg`.

use std::path::Path;

use support::sim::{HoldUntilBlocked, Scenario, Step, Tick, thread};
use support::timeline::svg as draw_svg;

/// Python before and after the call, the native work in the middle (in ticks).
const PYTHON: Tick = 2;
const NATIVE: Tick = 8;

fn main() {
    let holding = Scenario::new().process(
        "python",
        HoldUntilBlocked,
        (1..=3).map(|i| {
            // Native work that keeps the GIL is, for the other threads, as good as Python.
            thread(format!("T{i}"), [Step::Python(PYTHON + NATIVE + PYTHON)])
        }),
    );
    let releasing = Scenario::new().process(
        "python",
        HoldUntilBlocked,
        (1..=3).map(|i| {
            thread(
                format!("T{i}"),
                [
                    Step::Python(PYTHON),
                    Step::Native(NATIVE),
                    Step::Python(PYTHON),
                ],
            )
        }),
    );
    let book = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src/ch04");
    for (scenario, title, file) in [
        (
            holding,
            "native code that keeps the GIL",
            "native-holds-the-gil.svg",
        ),
        (
            releasing,
            "native code that releases the GIL (py.detach)",
            "native-releases-the-gil.svg",
        ),
    ] {
        let timeline = scenario.run().expect("the scenario runs to the end");
        println!("{}\n", timeline.report(title));
        std::fs::write(book.join(file), draw_svg(&timeline, title))
            .expect("write the picture into src/ch04");
    }
}
