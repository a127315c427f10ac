//! Running one exercise's tests in a child `cargo test`, which can always be stopped.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use crate::catalog::Exercise;

/// A run that takes longer than this is stopped: compiling a chapter cold takes well under a
/// minute, and the tests' own watchdog ends stuck learner code within seconds.
pub const RUN_LIMIT: Duration = Duration::from_secs(300);

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ending {
    Passed,
    Failed,
    /// The code did not compile.
    CompileError,
    /// No test matched the exercise: its test module is missing or misnamed.
    NoTests,
    /// The learner (or a new run) stopped it.
    Stopped,
    /// It ran past [`RUN_LIMIT`].
    TimedOut,
}

/// A finished run: how it ended, and everything cargo printed.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub ending: Ending,
    pub output: String,
}

/// The command that runs a Python drill's tests, from the repository root.
const PYTHON_CHECK: &str = "exercises/chapter8/python/check.py";

/// The command that runs an exercise's tests, as a learner would type it.
pub fn command_line(exercise: &Exercise) -> String {
    if exercise.python {
        return format!("python3 {PYTHON_CHECK} {}", drill_id(exercise));
    }
    format!(
        "cargo test -p {} -- {}::",
        exercise.package, exercise.test_module
    )
}

/// Runs an exercise's tests and waits for them, unless `stop` is set first.
pub fn run(root: &Path, exercise: &Exercise, stop: &AtomicBool) -> Outcome {
    if exercise.python {
        return run_python(root, &drill_id(exercise), stop);
    }
    run_tests(root, &exercise.package, Some(&exercise.test_module), stop)
}

/// "8.2" for the Python drill numbered "8.2py".
fn drill_id(exercise: &Exercise) -> String {
    exercise.number.trim_end_matches("py").to_owned()
}

/// Runs the Python drills' check (one drill, or `all`) and waits for it, unless stopped.
pub fn run_python(root: &Path, drill: &str, stop: &AtomicBool) -> Outcome {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let child = Command::new(&python)
        .args([PYTHON_CHECK, drill])
        .current_dir(root)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    match child {
        Ok(child) => {
            let mut outcome = wait(child, stop);
            if matches!(outcome.ending, Ending::Passed | Ending::Failed) {
                outcome.ending = classify_python(&outcome.output);
            }
            outcome
        }
        Err(error) => Outcome {
            ending: Ending::Failed,
            output: format!("could not start {python} (Python 3.6 or newer is needed): {error}"),
        },
    }
}

/// check.py ends with "python: N passed, M failed".
fn classify_python(output: &str) -> Ending {
    let summary = output
        .lines()
        .rev()
        .find(|line| line.starts_with("python: "));
    match summary {
        Some(line) if line.contains(" 0 failed") && !line.contains(": 0 passed") => Ending::Passed,
        Some(line) if line.contains(": 0 passed, 0 failed") => Ending::NoTests,
        _ => Ending::Failed,
    }
}

/// Which Python drills failed, from check.py's lines ("exercise 8.2 (Python) ..."): every drill
/// in `drills` that no line names passed.
pub fn python_verdicts(output: &str, drills: &[String]) -> BTreeMap<String, bool> {
    drills
        .iter()
        .map(|number| {
            let id = number.trim_end_matches("py");
            let named = format!("exercise {id} (Python)");
            let failed = output.lines().any(|line| line.starts_with(&named));
            (number.clone(), !failed)
        })
        .collect()
}

/// Runs a chapter's tests (all of them, or one exercise's module) and waits for them. Without
/// a module, libtest names every test with its verdict, which [`verdicts`] reads.
pub fn run_tests(root: &Path, package: &str, module: Option<&str>, stop: &AtomicBool) -> Outcome {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command.arg("test");
    if module.is_some() {
        command.arg("-q");
    }
    command.args([
        "--color", "never", "-p", package,
        // The tests of each chapter: its library's unit tests (chapters compiled as one crate)
        // or its `exercises` test crate (chapters 4 and 5, whose tests run a worker binary).
        "--tests", "--",
    ]);
    if let Some(module) = module {
        command.arg(format!("{module}::"));
    }
    let child = command
        .current_dir(root)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    match child {
        Ok(child) => wait(child, stop),
        Err(error) => Outcome {
            ending: Ending::Failed,
            output: format!("could not start cargo: {error}"),
        },
    }
}

/// A test's name from its exercise's module on (`ex02_x::name`): libtest names the tests
/// `exercises::ex02_x::name` where they are the library's unit tests (most chapters), and
/// `ex02_x::name` where they are a test crate of their own (chapters 4 and 5).
pub fn exercise_test_name(test: &str) -> &str {
    test.strip_prefix("exercises::").unwrap_or(test)
}

/// Whether each test module passed, from libtest's `test ex02_x::name ... ok` lines: a module
/// passed when it ran at least one test and none failed.
pub fn verdicts(output: &str) -> BTreeMap<String, bool> {
    let mut verdicts = BTreeMap::new();
    for line in output.lines() {
        let Some(rest) = line.strip_prefix("test ") else {
            continue;
        };
        let Some((name, verdict)) = rest.rsplit_once(" ... ") else {
            continue;
        };
        let name = exercise_test_name(name);
        let module = name.split("::").next().unwrap_or(name).to_owned();
        let passed = match verdict.trim() {
            "ok" => true,
            "FAILED" => false,
            _ => continue,
        };
        let entry = verdicts.entry(module).or_insert(true);
        *entry &= passed;
    }
    verdicts
}

fn wait(mut child: Child, stop: &AtomicBool) -> Outcome {
    let readers: Vec<_> = [
        child
            .stdout
            .take()
            .map(|pipe| Box::new(pipe) as Box<dyn Read + Send>),
        child
            .stderr
            .take()
            .map(|pipe| Box::new(pipe) as Box<dyn Read + Send>),
    ]
    .into_iter()
    .flatten()
    .map(|mut pipe| {
        thread::spawn(move || {
            let mut text = String::new();
            let _ = pipe.read_to_string(&mut text);
            text
        })
    })
    .collect();

    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if stop.load(Ordering::SeqCst) || started.elapsed() > RUN_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => thread::sleep(Duration::from_millis(20)),
            Err(_) => break None,
        }
    };
    let output: String = readers
        .into_iter()
        .filter_map(|reader| reader.join().ok())
        .collect();
    let ending = match status {
        None if stop.load(Ordering::SeqCst) => Ending::Stopped,
        None => Ending::TimedOut,
        Some(status) => classify(status.success(), &output),
    };
    Outcome { ending, output }
}

/// One failing test as libtest reports it: its name from the exercise module on
/// ([`exercise_test_name`]), and the non-empty lines it printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub test: String,
    pub printed: Vec<String>,
}

/// The `---- name stdout ----` blocks of libtest's output, in order.
pub fn failures(output: &str) -> Vec<Failure> {
    let mut failures = Vec::new();
    let mut lines = output.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(test) = line
            .strip_prefix("---- ")
            .and_then(|rest| rest.strip_suffix(" stdout ----"))
        else {
            continue;
        };
        let mut printed = Vec::new();
        while let Some(next) = lines.peek() {
            if next.starts_with("---- ")
                || next.trim() == "failures:"
                || next.starts_with("test result:")
            {
                break;
            }
            let next = lines.next().unwrap_or_default();
            if !next.trim().is_empty() {
                printed.push(next.to_owned());
            }
        }
        failures.push(Failure {
            test: exercise_test_name(test).to_owned(),
            printed,
        });
    }
    failures
}

/// Reads cargo's output for how the run ended.
pub fn classify(success: bool, output: &str) -> Ending {
    let results: Vec<&str> = output
        .lines()
        .filter(|line| line.starts_with("test result:"))
        .collect();
    if results.is_empty() {
        let compiler_error =
            output.contains("error[") || output.contains("error: could not compile");
        return if compiler_error {
            Ending::CompileError
        } else {
            Ending::Failed
        };
    }
    if results
        .iter()
        .all(|line| line.contains(" 0 passed; 0 failed"))
    {
        Ending::NoTests
    } else if success {
        Ending::Passed
    } else {
        Ending::Failed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_output_is_classified() {
        let passed = "running 2 tests\n..\ntest result: ok. 2 passed; 0 failed; 0 ignored\n";
        assert_eq!(classify(true, passed), Ending::Passed);
        let none = "running 0 tests\n\ntest result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 8 filtered out\n";
        assert_eq!(classify(true, none), Ending::NoTests);
        let failed = "running 1 test\nF\ntest result: FAILED. 0 passed; 1 failed; 0 ignored\n";
        assert_eq!(classify(false, failed), Ending::Failed);
        let broken = "error[E0308]: mismatched types\nerror: could not compile `chapter1`\n";
        assert_eq!(classify(false, broken), Ending::CompileError);
    }

    #[test]
    fn python_runs_are_read_from_check_py() {
        assert_eq!(
            classify_python("python: 3 passed, 0 failed\n"),
            Ending::Passed
        );
        assert_eq!(
            classify_python("exercise 8.2 (Python): no.\npython: 1 passed, 1 failed\n"),
            Ending::Failed
        );
        assert_eq!(classify_python("Traceback ...\n"), Ending::Failed);
        let drills = ["8.1py".to_owned(), "8.2py".to_owned()];
        let verdicts = python_verdicts(
            "exercise 8.2 (Python): no.\npython: 1 passed, 1 failed\n",
            &drills,
        );
        assert!(verdicts["8.1py"]);
        assert!(!verdicts["8.2py"]);
    }

    #[test]
    fn verdicts_are_read_per_module() {
        let output = "\
running 4 tests
test ex01_a::one ... ok
test ex01_a::two ... ok
test ex02_b::one ... FAILED
test ex02_b::two ... ok
test ex03_c::slow ... ignored
test exercises::ex04_d::one ... ok
test exercises::ex05_e::one ... FAILED
";
        let verdicts = verdicts(output);
        // The library's unit tests sit in its `exercises` module.
        assert_eq!(verdicts.get("ex04_d"), Some(&true));
        assert_eq!(verdicts.get("ex05_e"), Some(&false));
        assert_eq!(verdicts.get("ex01_a"), Some(&true));
        assert_eq!(verdicts.get("ex02_b"), Some(&false));
        assert_eq!(
            verdicts.get("ex03_c"),
            None,
            "an ignored test proves nothing"
        );
    }

    #[test]
    fn failure_blocks_are_split_per_test_without_blank_lines() {
        let output = "\
---- a::one stdout ----
exercise 1.1 is not implemented yet

---- exercises::a::two stdout ----
line 1
line 2

failures:
    a::one
";
        let failures = failures(output);
        assert_eq!(failures.len(), 2);
        assert_eq!(failures[0].test, "a::one");
        assert_eq!(
            failures[1].test, "a::two",
            "named from the exercise module on"
        );
        assert_eq!(failures[0].printed, ["exercise 1.1 is not implemented yet"]);
        assert_eq!(failures[1].printed, ["line 1", "line 2"]);
    }
}
