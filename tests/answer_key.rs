//! The snapshots under exercises/ are the answer key: a learner passes by fixing code, never by
//! editing a `.snap` file. Every solution runs the very tests and snapshots its exercise does (the
//! solution crates' `[[test]]` targets point at the exercise's test files), so an edited snapshot
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
        let manifest = root().join("solutions").join(&package).join("Cargo.toml");
        let text = std::fs::read_to_string(&manifest)
            .unwrap_or_else(|_| panic!("{package} has no solution crate at solutions/{package}"));
        assert!(
            text.contains(&format!("name = \"{package}\"")),
            "solutions/{package}: its [lib] must be named `{package}` so the exercise's tests compile against it"
        );
        assert!(
            text.contains(&format!("path = \"../../exercises/{package}/tests/")),
            "solutions/{package}: its [[test]] targets must point at exercises/{package}/tests/"
        );
    }
}
