//! Chapter 8's Python drills, checked both ways, as the Rust ones are: every reference solution
//! passes its tests, and every untouched stub fails with exactly one line, "exercise 8.N (Python)
//! is not implemented yet". On every CPython 3 this machine has (the `python3` on the PATH, and
//! `python3.N` or pyenv's versions beside it); a reader's machine may have only one, and a
//! missing interpreter is skipped with a line, never an error.

mod common;

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use common::{cpythons, root};

const DRILLS: usize = 9;
/// Far more than the drills need even on a busy machine; the harness's own watchdog ends a
/// stuck drill in seconds.
const LIMIT: Duration = Duration::from_secs(300);

/// Runs check.py (`all`, on the stubs or the solutions) and returns its output and success.
fn check(python: &PathBuf, solutions: bool) -> (bool, String) {
    let mut command = Command::new(python);
    command
        .arg("exercises/chapter8/python/check.py")
        .arg("all")
        .current_dir(root())
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if solutions {
        command.arg("--solutions");
    }
    let mut child = command.spawn().expect("could not start Python");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("could not wait for Python") {
            break status;
        }
        if started.elapsed() > LIMIT {
            let _ = child.kill();
            panic!(
                "{} check.py all did not finish within {LIMIT:?}",
                python.display()
            );
        }
        thread::sleep(Duration::from_millis(50));
    };
    let output = child
        .wait_with_output()
        .expect("could not read check.py's output");
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    (status.success(), text)
}

#[test]
fn every_python_drill_is_checked_both_ways_on_every_cpython_here() {
    let interpreters: Vec<_> = cpythons()
        .into_iter()
        .filter(|(version, _)| version.starts_with('3'))
        .collect();
    assert!(
        !interpreters.is_empty(),
        "no Python 3 found: chapter 8's Python drills need `python3` (3.6 or newer) on the PATH"
    );
    let versions: Vec<&str> = interpreters
        .iter()
        .map(|(version, _)| version.as_str())
        .collect();
    println!(
        "checking chapter 8's Python drills on CPython {}",
        versions.join(", ")
    );
    // The interpreters run side by side: the drills mostly wait, and the harness's watchdog
    // judges progress, not time.
    let results: Vec<_> = thread::scope(|scope| {
        let handles: Vec<_> = interpreters
            .iter()
            .map(|(version, python)| {
                scope.spawn(move || (version.clone(), check(python, true), check(python, false)))
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().unwrap())
            .collect()
    });
    for (version, (solutions_pass, solutions), (stubs_pass, stubs)) in results {
        assert!(
            solutions_pass && solutions.contains(" 0 failed"),
            "CPython {version}: a reference solution failed its own tests:\n{solutions}"
        );
        assert!(!stubs_pass, "CPython {version}: the stubs passed:\n{stubs}");
        let lines: Vec<&str> = stubs
            .lines()
            .filter(|line| !line.trim().is_empty())
            .collect();
        let (summary, failures) = lines.split_last().expect("check.py printed nothing");
        assert!(
            summary.starts_with("python: 0 passed"),
            "CPython {version}: a stub passed a test: {summary}\n{stubs}"
        );
        assert_eq!(
            failures.len(),
            DRILLS,
            "CPython {version}: the stubs should fail with exactly one line per drill:\n{stubs}"
        );
        for line in failures {
            assert!(
                line.starts_with("exercise 8.") && line.contains("(Python) is not implemented yet"),
                "CPython {version}: not a clear 'not implemented yet' line: {line}"
            );
        }
    }
}
