//! The runner, driven as a learner drives it, in a pseudo-terminal: start, fail, fix, pass,
//! next, hint, reset, solution; and a hung exercise that must not freeze watch mode.
//!
//! Each test works on its own copy of the repository (under target/), so the real exercise
//! files are never touched.

use std::path::{Path, PathBuf};
use std::process::Command;

use rexpect::ReadUntil;
use rexpect::session::{PtySession, spawn_command};

/// Long enough for a cold compile of chapter 1 on a loaded 2-core machine.
const COMPILE_TIMEOUT_MS: u64 = 240_000;

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// A copy of the repository's sources (no build output, no git), fresh for each test.
fn copy_of_the_repository(name: &str) -> PathBuf {
    let copy = repository().join("target/learn-session").join(name);
    let _ = std::fs::remove_dir_all(&copy);
    copy_tree(&repository(), &copy);
    copy
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().filter_map(Result::ok) {
        let name = entry.file_name();
        let skip = ["target", "book", ".git", ".learn", "node_modules"];
        if skip.iter().any(|skipped| name == *skipped) {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            copy_tree(&path, &to.join(&name));
        } else {
            std::fs::copy(&path, to.join(&name)).unwrap();
        }
    }
}

/// Starts `learn ARGS` in a pseudo-terminal inside `repo`.
fn learn(repo: &Path, args: &[&str]) -> PtySession {
    let mut command = Command::new(env!("CARGO_BIN_EXE_learn"));
    command
        .args(args)
        .current_dir(repo)
        // A target dir per copy: two checkouts sharing one would run each other's binaries.
        .env("CARGO_TARGET_DIR", target_dir_of(repo))
        .env("RUST_BACKTRACE", "1")
        .env("NO_COLOR", "1");
    spawn_command(command, Some(COMPILE_TIMEOUT_MS))
        .expect("could not start learn in a pseudo-terminal")
}

fn target_dir_of(repo: &Path) -> PathBuf {
    repo.with_extension("target")
}

/// Runs a command that ends by itself and returns everything it printed.
fn learn_output(repo: &Path, args: &[&str]) -> String {
    learn(repo, args).exp_eof().expect("learn did not finish")
}

/// Presses a key: the pseudo-terminal only passes it on once flushed.
fn press(session: &mut PtySession, key: &str) {
    session.send(key).unwrap();
    session.flush().unwrap();
}

fn put_solution_of(repo: &Path, file: &str) {
    put_solution_in(repo, "chapter1", file);
}

fn put_solution_in(repo: &Path, chapter: &str, file: &str) {
    let solution =
        std::fs::read_to_string(repo.join("solutions").join(chapter).join("src").join(file))
            .unwrap();
    std::fs::write(
        repo.join("exercises").join(chapter).join("src").join(file),
        solution,
    )
    .unwrap();
}

/// Waits (bounded) until the runner has recorded a pass for the exercise with this key.
fn wait_until_passed(repo: &Path, key: &str) {
    for _ in 0..COMPILE_TIMEOUT_MS / 100 {
        let progress =
            std::fs::read_to_string(repo.join(".learn/progress.json")).unwrap_or_default();
        let passed = serde_json::from_str::<serde_json::Value>(&progress)
            .ok()
            .is_some_and(|json| json["exercises"][key]["passed_with"].is_string());
        if passed {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("exercise {key} was never recorded as passed");
}

fn assert_fits_a_small_terminal(text: &str) {
    assert!(
        text.lines().count() < 24,
        "more lines than a 24-row terminal shows:\n{text}"
    );
    for line in text.lines() {
        assert!(
            line.trim_end().chars().count() <= 80,
            "a line is wider than 80 columns: {line:?}"
        );
    }
}

#[test]
fn start_fail_fix_pass_next_hint_reset() {
    let repo = copy_of_the_repository("journey");

    let start = learn_output(&repo, &["list"]);
    assert!(
        start.contains("chapter1"),
        "list shows the chapters:\n{start}"
    );
    assert!(
        start.contains("] 0/"),
        "nothing is done at the start:\n{start}"
    );
    assert!(
        start.contains("> 1.1   not started"),
        "1.1 is the current exercise:\n{start}"
    );
    assert_fits_a_small_terminal(&start);

    let mut watch = learn(&repo, &["watch"]);
    watch
        .exp_string("Exercise 1.1: a global interpreter lock")
        .unwrap();
    watch
        .exp_string("exercise 1.1 is not implemented yet")
        .unwrap();
    watch.exp_string("[n] next exercise").unwrap();

    // The learner fixes the exercise and saves: watch mode re-runs it.
    put_solution_of(&repo, "01_global_lock.rs");
    watch.exp_string("PASSED: exercise 1.1 is done.").unwrap();
    press(&mut watch, "n");
    watch
        .exp_string("Exercise 1.2: bytecode, one thread at a time")
        .unwrap();
    watch
        .exp_string("exercise 1.2 is not implemented yet")
        .unwrap();
    press(&mut watch, "h");
    watch.exp_string("Hint 1/").unwrap();
    watch.exp_string("std::thread::scope").unwrap();
    press(&mut watch, "q");
    watch.exp_eof().unwrap();

    let after = learn_output(&repo, &["list"]);
    assert!(after.contains("] 1/"), "one exercise is done:\n{after}");
    assert!(after.contains("1.1   done"), "1.1 is done:\n{after}");
    assert!(
        after.contains("> 1.2   not started"),
        "1.2 is current:\n{after}"
    );

    // Reset puts exactly the starter code back, and nothing else.
    let untouched_before =
        std::fs::read_to_string(repo.join("exercises/chapter1/src/02_one_at_a_time.rs")).unwrap();
    let reset = learn_output(&repo, &["reset", "1.1", "--yes"]);
    assert!(reset.contains("back to its starter code"), "{reset}");
    let starters = learn::starters::load(&repo).unwrap();
    let file = Path::new("exercises/chapter1/src/01_global_lock.rs");
    assert_eq!(
        std::fs::read_to_string(repo.join(file)).unwrap(),
        starters[file]
    );
    assert_eq!(
        std::fs::read_to_string(repo.join("exercises/chapter1/src/02_one_at_a_time.rs")).unwrap(),
        untouched_before,
        "reset must touch only the exercise it names"
    );
    assert!(learn_output(&repo, &["list"]).contains("> 1.1   not started"));

    // The solution is shown only after a confirmation.
    let mut declined = learn(&repo, &["solution", "1.2"]);
    declined.exp_string("[y/N]").unwrap();
    declined.send_line("n").unwrap();
    let declined = declined.exp_eof().unwrap();
    assert!(declined.contains("Not shown."), "{declined}");
    assert!(!declined.contains("pub fn run_with_gil"), "{declined}");

    let mut accepted = learn(&repo, &["solution", "1.2"]);
    accepted.exp_string("[y/N]").unwrap();
    accepted.send_line("y").unwrap();
    let accepted = accepted.exp_eof().unwrap();
    assert!(accepted.contains("pub fn run_with_gil"), "{accepted}");
}

#[test]
fn a_hung_exercise_never_freezes_watch_mode() {
    let repo = copy_of_the_repository("hang");
    // An acquire() that waits forever: the tests' watchdog would only stop it after seconds.
    let file = repo.join("exercises/chapter1/src/01_global_lock.rs");
    let hanging = std::fs::read_to_string(&file).unwrap().replacen(
        "        // TODO: wait on `self.released` while `locked` is true, then set it and return a guard.\n        todo!()",
        "        loop {\n            std::thread::park();\n        }",
        1,
    );
    std::fs::write(&file, hanging).unwrap();

    let mut watch = learn(&repo, &["watch"]);
    watch.exp_string("Running the tests").unwrap();
    // Moving on while the hung run is in progress: the next exercise must come up before the
    // hung run could have reported anything.
    press(&mut watch, "n");
    let (_, first) = watch
        .exp_any(vec![
            ReadUntil::String("Exercise 1.2: bytecode".into()),
            ReadUntil::String("did not finish within".into()),
        ])
        .unwrap();
    assert_eq!(
        first, "Exercise 1.2: bytecode",
        "watch mode waited for the hung run instead of moving on"
    );
    press(&mut watch, "q");
    watch.exp_eof().unwrap();
}

/// A learner who starts at chapter 3, as the README suggests: watch starts where they say,
/// follows the file they save, shows hints with readable math, and a list that stays.
#[test]
fn watch_starts_where_the_learner_is_and_follows_the_saved_file() {
    let repo = copy_of_the_repository("chapter3");
    let mut watch = learn(&repo, &["watch", "3.2"]);
    watch.exp_string("Exercise 3.2:").unwrap();
    watch
        .exp_string("exercise 3.2 is not implemented yet")
        .unwrap();

    // Saving 3.1's file runs 3.1, not the exercise watch started on.
    put_solution_in(&repo, "chapter3", "01_sum_of_squares.rs");
    watch.exp_string("PASSED: exercise 3.1 is done.").unwrap();

    // The hint of the exercise now shown, with its math as text, and the page to read.
    press(&mut watch, "h");
    watch.exp_string("Hint 1/").unwrap();
    // The math reads "999,999²" (the pseudo-terminal's reader sees its bytes one by one, so
    // the test looks at what surrounds it), never TeX's "$999{,}999^2$".
    let hint = watch
        .exp_string("(From src/ch03/01-cpu-bound-task.md.)")
        .unwrap();
    assert!(hint.contains("before squaring it: 999,999"), "{hint}");
    assert!(!hint.contains('$') && !hint.contains("{,}"), "{hint}");
    // Any key closes the hint and shows the run's result again.
    press(&mut watch, "x");
    watch.exp_string("PASSED: exercise 3.1 is done.").unwrap();

    // The list stays up while a run finishes underneath; any key brings the run back.
    press(&mut watch, "l");
    watch.exp_string("3.6").unwrap();
    watch.exp_string("[any key] back to the exercise").unwrap();
    put_solution_in(&repo, "chapter3", "02_lock_or_free.rs");
    wait_until_passed(&repo, "chapter3/lock_or_free");
    // The run has finished and been recorded: give the screen a moment, then look at it.
    std::thread::sleep(std::time::Duration::from_millis(500));
    let mut shown = String::new();
    while let Some(c) = watch.try_read() {
        shown.push(c);
    }
    assert!(
        !shown.contains("PASSED: exercise 3.2"),
        "the run's result was drawn over the list:\n{shown}"
    );
    press(&mut watch, "l");
    watch.exp_string("PASSED: exercise 3.2 is done.").unwrap();
    press(&mut watch, "q");
    watch.exp_eof().unwrap();

    // With no argument, the runner comes back to where the learner was: chapter 3.
    let list = learn_output(&repo, &["list"]);
    assert_fits_a_small_terminal(&list);
    assert!(list.contains("> 3.3"), "3.3 is next in chapter 3:\n{list}");
}

/// Tests passed with plain `cargo test -p chapter3` are never shown as failing: edited files
/// read "not checked" until `check` runs the chapter once and records every exercise.
#[test]
fn progress_made_with_cargo_test_is_never_called_failing() {
    let repo = copy_of_the_repository("by-hand");
    for file in ["01_sum_of_squares.rs", "04_requests.rs"] {
        put_solution_in(&repo, "chapter3", file);
    }
    let status = Command::new(env!("CARGO"))
        .args([
            "test",
            "-q",
            "-p",
            "chapter3",
            "--",
            "ex01_sum_of_squares::",
            "ex04_requests::",
        ])
        .current_dir(&repo)
        .env("CARGO_TARGET_DIR", target_dir_of(&repo))
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );

    let before = learn_output(&repo, &["list", "3"]);
    assert!(before.contains("3.1   not checked"), "{before}");
    assert!(!before.contains("failing"), "{before}");
    assert!(before.contains("cargo run -p learn -- check"), "{before}");

    let checked = learn_output(&repo, &["check", "3"]);
    assert!(checked.contains("3.1   done"), "{checked}");
    assert!(checked.contains("3.4   done"), "{checked}");
    assert!(checked.contains("3.2   not started"), "{checked}");
    assert_fits_a_small_terminal(&checked);
}
