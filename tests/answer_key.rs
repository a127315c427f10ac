//! The snapshots under exercises/ are the answer key: a learner passes by fixing code, never by
//! editing a `.snap` file. Every solution runs the very tests and snapshots its exercise does (the
//! solution crates compile the exercise's test files), so an edited snapshot
//! fails there; this check names the edited file directly.

mod common;

use common::{root, run, text_of};

#[test]
fn exercise_snapshots_are_the_committed_ones() {
    if !root().join(".git").exists() {
        eprintln!("not a git checkout: cannot compare snapshots with the committed ones");
        return;
    }
    let output = run(
        "git",
        &["status", "--porcelain", "--", "exercises/*/tests/**/*.snap"],
        &[],
    );
    assert!(
        output.status.success(),
        "git status failed: {}",
        text_of(&output)
    );
    let changed = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    assert!(
        changed.is_empty(),
        "these answer-key snapshots differ from the committed ones; restore them with \
         `git checkout -- <file>` (maintainers: commit the result of scripts/bless):\n{changed}"
    );
}

#[test]
fn every_solution_uses_its_exercise_tests() {
    for (package, _) in common::exercise_crates() {
        let solution = root().join("solutions").join(&package);
        let manifest = std::fs::read_to_string(solution.join("Cargo.toml"))
            .unwrap_or_else(|_| panic!("{package} has no solution crate at solutions/{package}"));
        let lib = std::fs::read_to_string(solution.join("src/lib.rs")).unwrap_or_default();
        assert!(
            manifest.contains(&format!("name = \"{package}\"")),
            "solutions/{package}: its [lib] must be named `{package}` so the exercise's tests compile against it"
        );
        // The tests are the library's unit tests (a `#[path]` module in lib.rs) or, in the
        // chapters whose tests run a worker binary, a `[[test]]` target.
        let tests = format!("../exercises/{package}/tests/exercises/main.rs");
        assert!(
            lib.contains(&format!("#[path = \"../../{tests}\"]"))
                || manifest.contains(&format!("path = \"../{tests}\"")),
            "solutions/{package}: its tests must be exercises/{package}/tests/exercises/main.rs, \
             compiled in by src/lib.rs or named by a [[test]] target"
        );
    }
}
