//! `cargo loop-speed [CHAPTER ...] [--runs N]`: the learner's edit-and-rerun loop, measured
//! against its floor.
//!
//! The loop is: change one line of an exercise file, run `cargo test -p chapterN`, read the
//! result. The floor is the same loop on the smallest crate with the chapter's dependencies and
//! one snapshot test (`tools::floor`), built in a scratch folder of its own. Both are measured
//! side by side, alternating, so a machine that gets busier or quieter affects both alike.
//! Prints each chapter's medians beside the floor's: the whole loop, the part that is the tests'
//! own run (a failing stub may wait for an event before it fails), and the rest, which is the
//! build; then the ratios of loop and build to the floor's.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use support::testkit::median;
use tools::process::{cargo, repository_root};

fn main() {
    let mut runs = 10;
    let mut chapters = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(runs),
            chapter => chapters.push(chapter.trim_start_matches("chapter").to_owned()),
        }
    }
    let root = repository_root();
    if chapters.is_empty() {
        chapters = (1..=8).map(|n| n.to_string()).collect();
    }

    println!("one-line edit, then `cargo test`, warm; median of {runs} runs (seconds)");
    println!("  loop:  edit to result (what the learner waits for)");
    println!(
        "  tests: the same command with nothing to rebuild (cargo's check and the tests' run)"
    );
    println!("  build: loop minus tests (compiling and linking after the edit)");
    println!(
        "{:<10} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}   {:>6} {:>6}",
        "crate", "loop", "tests", "build", "floor", "tests", "build", "loop", "build"
    );
    println!(
        "{:<10} {:>22}   {:>22}   {:>13}",
        "", "ours", "floor", "ratio"
    );
    for chapter in &chapters {
        let package = format!("chapter{chapter}");
        let file = first_exercise_file(&root, &package);
        let (floor, floor_package) = make_floor(&root, chapter);
        let floor_file = floor.join("src/lib.rs");
        let (mut ours, mut floors) = (Timings::default(), Timings::default());
        // One warm-up of each, then alternate, so that a machine getting busier or quieter
        // weighs on both alike.
        time_edit_and_test(&file, &mut cargo_test(&root, &package));
        time_edit_and_test(&floor_file, &mut floor_test(&floor, &floor_package));
        for _ in 0..runs {
            ours.measure(&file, || cargo_test(&root, &package));
            floors.measure(&floor_file, || floor_test(&floor, &floor_package));
        }
        restore(&file);
        let (ours, floors) = (ours.medians(), floors.medians());
        println!(
            "{package:<10} {:>6.2} {:>6.2} {:>6.2}   {:>6.2} {:>6.2} {:>6.2}   {:>5.2}x {:>5.2}x",
            ours.0,
            ours.1,
            ours.2,
            floors.0,
            floors.1,
            floors.2,
            ours.0 / floors.0,
            ours.2 / floors.2
        );
    }
}

/// One crate's runs: edit-to-result, and the same command again with nothing to rebuild.
#[derive(Default)]
struct Timings {
    loops: Vec<f64>,
    tests: Vec<f64>,
}

impl Timings {
    fn measure(&mut self, file: &Path, command: impl Fn() -> Command) {
        self.loops.push(time_edit_and_test(file, &mut command()));
        let started = Instant::now();
        let _ = command().status();
        self.tests.push(started.elapsed().as_secs_f64());
    }

    /// Medians of the loop, of the no-rebuild run, and of the loop minus the no-rebuild run.
    fn medians(self) -> (f64, f64, f64) {
        let builds = self
            .loops
            .iter()
            .zip(&self.tests)
            .map(|(whole, tests)| (whole - tests).max(0.0));
        (
            median(self.loops.iter().copied()),
            median(self.tests.iter().copied()),
            median(builds),
        )
    }
}

/// The chapter's floor crate, in a folder of its own outside the repository (inside it, cargo
/// would read our `.cargo/config.toml` for it too, and a minimal crate has none), never a member
/// of our workspace; the floors share one target dir of their own, where each is a package of
/// its own name, and our `Cargo.lock`, so that they build the same versions. Returns its folder
/// and its package's name.
fn make_floor(root: &Path, chapter: &str) -> (PathBuf, String) {
    let read = |path: PathBuf| {
        std::fs::read_to_string(&path)
            .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
    };
    let floor = tools::floor::floor_of(
        chapter,
        &read(root.join("Cargo.toml")),
        &read(root.join(format!("exercises/chapter{chapter}/Cargo.toml"))),
        root,
    )
    .unwrap_or_else(|problem| panic!("cannot make chapter {chapter}'s floor: {problem}"));
    let dir = floors_dir().join(format!("chapter{chapter}"));
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::create_dir_all(dir.join("tests")).unwrap();
    std::fs::write(dir.join("Cargo.toml"), floor.manifest).unwrap();
    std::fs::write(dir.join("src/lib.rs"), floor.lib).unwrap();
    std::fs::write(dir.join("tests/answer.rs"), floor.test).unwrap();
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    (dir, floor.package)
}

fn floors_dir() -> PathBuf {
    std::env::temp_dir().join("gil-hands-on-loop-floors")
}

fn first_exercise_file(root: &Path, package: &str) -> PathBuf {
    let src = root.join("exercises").join(package).join("src");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&src)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", src.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with("01_"))
        })
        .collect();
    files.sort();
    files.pop().expect("every chapter has a 01_ exercise")
}

fn cargo_test(dir: &Path, package: &str) -> Command {
    let mut command = Command::new(cargo());
    command
        .args(["test", "-q", "-p", package])
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// `cargo test` of a floor, in the floors' own target dir (beside their folders).
fn floor_test(dir: &Path, package: &str) -> Command {
    let mut command = cargo_test(dir, package);
    command.env("CARGO_TARGET_DIR", floors_dir().join("target"));
    command
}

/// Appends a line to `file` (a comment that changes every time, as an edit does), runs the
/// tests, and returns the seconds from the edit to the result. Pass or fail does not matter.
fn time_edit_and_test(file: &Path, command: &mut Command) -> f64 {
    let mut text = std::fs::read_to_string(file).unwrap();
    let marker = "// loop-speed edit ";
    if let Some(at) = text.find(marker) {
        text.truncate(at);
    }
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_nanos());
    text.push_str(&format!("{marker}{stamp}\n"));
    let started = Instant::now();
    std::fs::write(file, text).unwrap();
    let _ = command.status();
    started.elapsed().as_secs_f64()
}

fn restore(file: &Path) {
    let text = std::fs::read_to_string(file).unwrap();
    if let Some(at) = text.find("// loop-speed edit ") {
        std::fs::write(file, &text[..at]).unwrap();
    }
}
