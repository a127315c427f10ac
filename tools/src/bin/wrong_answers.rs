//! `cargo wrong-answers [N | N.M] [--catalogue DIR] [--time-limit SECS]`: runs the wrong-answer
//! catalogue (`tests/wrong_answers/chapterN.toml`, see CONTRIBUTING.md) and checks that the
//! chapter's tests catch every entry.
//!
//! It copies the checkout's files (`git ls-files`, tracked and untracked-but-not-ignored) into a
//! scratch checkout, `<target dir>/wrong-answers/checkout`, with a target dir of its own (two
//! checkouts sharing one would run each other's binaries). For each entry it writes the learner's
//! file over the solution's there, builds the tests, runs them under a time limit and counts the
//! entry caught when: the run fails, in time, its output contains every `expect` string, and a
//! test of the exercise's own module (`exNN_<file stem>::`) is among the failures. A race entry
//! runs 10 times and must be caught every time. The learner's own files are never touched.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use tools::catalogue::{self, Entry, Language, RACE_RUNS};
use tools::files::files_below;
use tools::process::{self, Finished};

const USAGE: &str =
    "usage: cargo wrong-answers [N | N.M] [--show] [--catalogue DIR] [--time-limit SECS]
  N, N.M          only chapter N, or only exercise N.M
  --show          print what the failing tests said under each entry (for writing `expect`)
  --catalogue DIR read chapterN.toml files from DIR instead of tests/wrong_answers
  --time-limit S  kill a test run after S seconds (default 105: the watchdog's wall-clock
                  cap for the longest limit a test sets, + 15 s; most hangs end in about 5 s)";

/// The longest limit any test gives `Exercise::run_within` (chapter 4's process pool).
const LONGEST_RUN_WITHIN: Duration = Duration::from_secs(15);

struct Options {
    filter: Option<String>,
    show: bool,
    catalogue: Option<PathBuf>,
    limit: Duration,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        filter: None,
        show: false,
        catalogue: None,
        // The watchdog ends a deadlock or an endless loop within seconds, and anything else at
        // its wall-clock cap: past that, the tests themselves are stuck. Some tests give learner
        // code a longer limit (`run_within`, up to 15 s: chapter 4's scripted pool), and a
        // mistake in one exercise can hang a later one's tests too, so the bound is that cap.
        limit: support::exercise::wall_cap(LONGEST_RUN_WITHIN) + Duration::from_secs(15),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--catalogue" => {
                options.catalogue = Some(args.next().ok_or("--catalogue needs a folder")?.into());
            }
            "--time-limit" => {
                let seconds: f64 = args
                    .next()
                    .and_then(|text| text.parse().ok())
                    .ok_or("--time-limit needs a number of seconds")?;
                options.limit = Duration::from_secs_f64(seconds);
            }
            "--show" => options.show = true,
            "-h" | "--help" => return Err(String::new()),
            filter if options.filter.is_none() && is_filter(filter) => {
                options.filter = Some(filter.to_owned());
            }
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    Ok(options)
}

fn is_filter(text: &str) -> bool {
    !text.is_empty() && text.split('.').all(|part| part.parse::<u32>().is_ok())
}

fn main() -> ExitCode {
    tools::checking_command("wrong answers", USAGE, parse_args(), run_catalogue)
}

/// Runs the selected entries; returns how many were missed.
fn run_catalogue(options: &Options) -> Result<usize, String> {
    let root = process::repository_root();
    let catalogue_dir = options
        .catalogue
        .clone()
        .unwrap_or_else(|| root.join("tests/wrong_answers"));
    // No catalogue folder yet (a new project): nothing to run.
    let all = if catalogue_dir.exists() || options.catalogue.is_some() {
        catalogue::load(&catalogue_dir)?
    } else {
        Vec::new()
    };
    let entries: Vec<Entry> = all
        .into_iter()
        .filter(|entry| catalogue::selects(options.filter.as_deref(), entry))
        .collect();
    if entries.is_empty() && options.filter.is_some() {
        return Err(format!(
            "no entry in {} matches {}",
            catalogue_dir.display(),
            options.filter.as_deref().unwrap_or_default()
        ));
    }

    let scratch = process::target_dir(&root)?.join("wrong-answers");
    let checkout = scratch.join("checkout");
    let target = scratch.join("target");
    sync_checkout(&root, &checkout, &scratch).map_err(|error| {
        format!(
            "cannot copy the checkout to {}: {error}",
            checkout.display()
        )
    })?;

    let (mut caught, mut missed) = (0, 0);
    let mut index = 0;
    while index < entries.len() {
        // One chapter's entries at a time, after a check that its solution passes unchanged.
        let first = &entries[index];
        let group: Vec<&Entry> = entries[index..]
            .iter()
            .take_while(|entry| {
                entry.chapter == first.chapter && entry.language() == first.language()
            })
            .collect();
        index += group.len();
        let tests = tests_for(first, &checkout, &target);
        let baseline = tests.baseline(options.limit);
        for entry in group {
            let verdict = match &baseline {
                Err(problem) => Verdict::missed(format!(
                    "the reference solution itself fails here, so nothing can be judged: {problem}"
                )),
                Ok(()) => check_entry(entry, tests.as_ref(), &checkout, options.limit),
            };
            println!("{}", verdict.line(entry));
            if options.show {
                for line in &verdict.said {
                    println!("    {line}");
                }
            }
            if verdict.caught {
                caught += 1;
            } else {
                missed += 1;
            }
        }
    }
    println!("wrong answers: {caught} caught, {missed} missed");
    Ok(missed)
}

/// What became of one entry.
struct Verdict {
    caught: bool,
    why: String,
    seconds: f64,
    /// How long the build took.
    build_seconds: f64,
    /// What the failing tests printed (of the last run), for `--show`.
    said: Vec<String>,
}

impl Verdict {
    fn missed(why: String) -> Self {
        Self {
            caught: false,
            why,
            seconds: 0.0,
            build_seconds: 0.0,
            said: Vec::new(),
        }
    }

    fn line(&self, entry: &Entry) -> String {
        let wrong = &entry.wrong;
        let race = if wrong.race {
            format!(", {RACE_RUNS} runs")
        } else {
            String::new()
        };
        if self.caught {
            format!(
                "caught {} [{}{race}] {} ({:.1} s; build {:.0} s)",
                wrong.exercise, wrong.kind, wrong.says, self.seconds, self.build_seconds
            )
        } else {
            format!(
                "MISSED {} [{}{race}] {}: {} ({:.1} s; {} #{})",
                wrong.exercise,
                wrong.kind,
                wrong.says,
                self.why,
                self.seconds,
                entry
                    .source
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                entry.number
            )
        }
    }
}

/// Puts the entry's file in place, builds, runs (10 times for a race) and judges; then puts the
/// solution back.
fn check_entry(entry: &Entry, tests: &dyn Tests, checkout: &Path, limit: Duration) -> Verdict {
    let path = checkout.join(entry.solution_file());
    let solution = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => return Verdict::missed(format!("cannot read {}: {error}", path.display())),
    };
    let learner_file = match entry.apply(&solution) {
        Ok(text) => text,
        Err(stale) => return Verdict::missed(stale),
    };
    if let Err(error) = std::fs::write(&path, learner_file) {
        return Verdict::missed(format!("cannot write {}: {error}", path.display()));
    }
    let verdict = build_run_and_judge(entry, tests, limit);
    if let Err(error) = std::fs::write(&path, solution) {
        eprintln!("cannot restore {}: {error}", path.display());
    }
    verdict
}

fn build_run_and_judge(entry: &Entry, tests: &dyn Tests, limit: Duration) -> Verdict {
    let build_started = Instant::now();
    if let Err(error) = tests.build() {
        return Verdict::missed(format!(
            "it does not compile, so it is not a wrong answer the tests can see: {error}"
        ));
    }
    let build_seconds = build_started.elapsed().as_secs_f64();
    let runs = if entry.wrong.race { RACE_RUNS } else { 1 };
    let mut slowest = 0.0_f64;
    let mut misses = Vec::new();
    let mut said = Vec::new();
    for run in 1..=runs {
        let finished = match tests.run(Some(entry), limit) {
            Ok(finished) => finished,
            Err(error) => return Verdict::missed(format!("cannot run the tests: {error}")),
        };
        slowest = slowest.max(finished.elapsed.as_secs_f64());
        said = tests.what_failures_said(&finished.output);
        if let Err(why) = judge(entry, tests, &finished, limit) {
            misses.push((run, why));
        }
    }
    match misses.first() {
        None => Verdict {
            caught: true,
            why: String::new(),
            seconds: slowest,
            build_seconds,
            said,
        },
        Some((run, why)) => Verdict {
            caught: false,
            why: if runs == 1 {
                why.clone()
            } else {
                format!(
                    "caught in {} of {runs} runs (run {run}: {why})",
                    runs - misses.len()
                )
            },
            seconds: slowest,
            build_seconds,
            said,
        },
    }
}

/// Is the entry caught by this run? `Err` says why not.
fn judge(entry: &Entry, tests: &dyn Tests, run: &Finished, limit: Duration) -> Result<(), String> {
    if run.timed_out() {
        return Err(format!(
            "the tests were still running after {:.0} s (the watchdog did not end the hang)",
            limit.as_secs_f64()
        ));
    }
    if run.success() {
        return Err("every test passed".to_owned());
    }
    let failing = tests.failing_tests(&run.output);
    let own = tests.own_test_prefix(entry);
    if !failing.iter().any(|test| test.starts_with(&own)) {
        return Err(if failing.is_empty() {
            format!(
                "the run failed without a failing test: {}",
                first_line_with(&run.output, "error").unwrap_or("no error line")
            )
        } else {
            format!(
                "only other exercises' tests failed ({}), none in {own}",
                failing.join(", ")
            )
        });
    }
    let absent: Vec<&String> = entry
        .wrong
        .expect
        .iter()
        .filter(|words| !run.output.contains(words.as_str()))
        .collect();
    if !absent.is_empty() {
        let said: Vec<&str> = run
            .output
            .lines()
            .filter(|line| line.starts_with("exercise "))
            .take(2)
            .collect();
        return Err(format!(
            "the output never says {absent:?} (it says: {})",
            if said.is_empty() {
                "no `exercise ...` line".to_owned()
            } else {
                said.join(" / ")
            }
        ));
    }
    Ok(())
}

fn first_line_with<'a>(text: &'a str, needle: &str) -> Option<&'a str> {
    text.lines().find(|line| line.contains(needle))
}

/// How one language's tests are built and run in the scratch checkout. To add a language: a
/// [`Language`] variant (tools/src/catalogue.rs, chosen by the file's extension), an
/// implementation of this trait, and an arm in [`tests_for`].
trait Tests {
    /// Builds what the run needs; `Err` holds the compiler's first error.
    fn build(&self) -> Result<(), String>;
    /// Runs the tests once, killed after `limit`: those that can judge `entry`, or all of them
    /// (`None`, the baseline).
    fn run(&self, entry: Option<&Entry>, limit: Duration) -> std::io::Result<Finished>;
    /// The names of the tests the output reports as failed.
    fn failing_tests(&self, output: &str) -> Vec<String>;
    /// How the names of the entry's own exercise's tests start.
    fn own_test_prefix(&self, entry: &Entry) -> String;
    /// Each failing test's name and what it printed, one line each.
    fn what_failures_said(&self, output: &str) -> Vec<String>;

    /// The unchanged solution builds and passes.
    fn baseline(&self, limit: Duration) -> Result<(), String> {
        self.build()?;
        let run = self
            .run(None, limit)
            .map_err(|error| format!("cannot run the tests: {error}"))?;
        if run.timed_out() {
            return Err(format!("still running after {:.0} s", limit.as_secs_f64()));
        }
        if !run.success() {
            let failing = self.failing_tests(&run.output);
            return Err(if failing.is_empty() {
                first_line_with(&run.output, "error")
                    .unwrap_or("the run failed")
                    .to_owned()
            } else {
                format!("failing: {}", failing.join(", "))
            });
        }
        Ok(())
    }
}

fn tests_for(entry: &Entry, checkout: &Path, target: &Path) -> Box<dyn Tests> {
    match entry.language() {
        Language::Rust => Box::new(CargoTests {
            checkout: checkout.to_path_buf(),
            target: target.to_path_buf(),
            package: entry.package(),
        }),
        Language::Python => Box::new(PythonTests {
            checkout: checkout.to_path_buf(),
        }),
    }
}

/// Chapter 8's Python drills: `python3 exercises/chapter8/python/check.py N.M --solutions`,
/// which runs the drill's unittest tests on the (edited) solution file and prints one line per
/// failure, each starting "exercise N.M (Python)". The baseline runs every drill (`all`).
struct PythonTests {
    checkout: PathBuf,
}

impl PythonTests {
    fn check(&self, drill: &str) -> Command {
        let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_owned());
        let mut command = Command::new(python);
        command
            .args(["exercises/chapter8/python/check.py", drill, "--solutions"])
            .current_dir(&self.checkout)
            .env("PYTHONDONTWRITEBYTECODE", "1");
        command
    }
}

impl Tests for PythonTests {
    fn build(&self) -> Result<(), String> {
        // Python compiles on import; a syntax error shows as a failure of the run itself.
        Ok(())
    }

    fn run(&self, entry: Option<&Entry>, limit: Duration) -> std::io::Result<Finished> {
        let drill = entry.map_or("all", |entry| entry.wrong.exercise.as_str());
        process::run_limited(self.check(drill), limit)
    }

    fn failing_tests(&self, output: &str) -> Vec<String> {
        output
            .lines()
            .filter(|line| line.starts_with("exercise "))
            .map(str::to_owned)
            .collect()
    }

    fn own_test_prefix(&self, entry: &Entry) -> String {
        format!("exercise {} (Python)", entry.wrong.exercise)
    }

    fn what_failures_said(&self, output: &str) -> Vec<String> {
        self.failing_tests(output)
    }
}

/// A chapter's Rust tests: `cargo test -p chapterN-solution --tests`.
struct CargoTests {
    checkout: PathBuf,
    target: PathBuf,
    package: String,
}

impl CargoTests {
    fn cargo(&self, extra: &[&str]) -> Command {
        let mut command = Command::new(process::cargo());
        command
            .args(["test", "--quiet", "--color", "never", "-p", &self.package])
            .args(["--tests"])
            // Every entry rebuilds a chapter's tests: without debug info the builds and links
            // take less time, and panics still name their file and line.
            .args(["--config", "profile.dev.debug=0"])
            .args(extra)
            .current_dir(&self.checkout)
            .env("CARGO_TARGET_DIR", &self.target)
            .env("CARGO_TERM_COLOR", "never");
        command
    }
}

impl Tests for CargoTests {
    fn build(&self) -> Result<(), String> {
        let output = self
            .cargo(&["--no-run", "--message-format=json"])
            .output()
            .map_err(|error| format!("cannot run cargo: {error}"))?;
        if output.status.success() {
            return Ok(());
        }
        let json = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        Err(process::first_compiler_error(&json)
            .or_else(|| first_line_with(&stderr, "error").map(str::to_owned))
            .unwrap_or_else(|| "cargo failed to build the tests".to_owned()))
    }

    fn run(&self, _entry: Option<&Entry>, limit: Duration) -> std::io::Result<Finished> {
        // The whole chapter: a mistake must fail its own exercise's test, not only a later one.
        process::run_limited(self.cargo(&["--no-fail-fast"]), limit)
    }

    fn failing_tests(&self, output: &str) -> Vec<String> {
        learn::runner::failures(output)
            .into_iter()
            .map(|failure| failure.test)
            .collect()
    }

    fn own_test_prefix(&self, entry: &Entry) -> String {
        format!("{}::", entry.test_module())
    }

    fn what_failures_said(&self, output: &str) -> Vec<String> {
        learn::runner::failures(output)
            .into_iter()
            .flat_map(|failure| {
                let printed = failure.printed.into_iter().map(|line| format!("  {line}"));
                std::iter::once(format!("{}:", failure.test)).chain(printed)
            })
            .collect()
    }
}

/// Makes `checkout` a copy of the checkout's files: writes only files that differ (so cargo's
/// incremental builds stay warm) and removes files the checkout no longer has.
fn sync_checkout(root: &Path, checkout: &Path, scratch: &Path) -> std::io::Result<()> {
    let files = checkout_files(root, scratch);
    std::fs::create_dir_all(checkout)?;
    for relative in &files {
        let source = root.join(relative);
        let copy = checkout.join(relative);
        if !source.is_file() {
            continue; // Deleted in the work tree but still in the index.
        }
        let same = std::fs::read(&copy).ok() == Some(std::fs::read(&source)?);
        if !same {
            if let Some(parent) = copy.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::copy(&source, &copy)?;
        }
    }
    let keep: BTreeSet<&PathBuf> = files.iter().collect();
    for copy in files_below(checkout, &[]) {
        let relative = copy.strip_prefix(checkout).unwrap_or(&copy).to_path_buf();
        if !keep.contains(&relative) {
            std::fs::remove_file(&copy)?;
        }
    }
    Ok(())
}

/// The checkout's files, relative to `root`: git's tracked and untracked-but-not-ignored files,
/// or (without git) every file except build output.
fn checkout_files(root: &Path, scratch: &Path) -> Vec<PathBuf> {
    let listed = Command::new("git")
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ])
        .current_dir(root)
        .output();
    if let Ok(output) = listed
        && output.status.success()
    {
        return output
            .stdout
            .split(|byte| *byte == 0)
            .filter(|name| !name.is_empty())
            .map(|name| PathBuf::from(String::from_utf8_lossy(name).into_owned()))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
    }
    let skip = [
        root.join("target"),
        root.join("book"),
        root.join(".git"),
        scratch.to_path_buf(),
    ];
    files_below(root, &skip)
        .into_iter()
        .filter_map(|path| path.strip_prefix(root).ok().map(Path::to_path_buf))
        .collect()
}
