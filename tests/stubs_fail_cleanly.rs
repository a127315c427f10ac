//! Every exercise crate, untouched, compiles and fails: each failing test says in one line which
//! exercise it is and where to read, with no backtrace, and no test passes on starter code.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{exercise_crates, files_below, relative, run, text_of};

/// The exercises an exercise crate's source files declare: id ("1.2") -> find-and-fix?
fn declared_exercises(package: &str) -> BTreeMap<String, bool> {
    learn::catalog::load(&common::root())
        .expect("the exercise catalogue")
        .into_iter()
        // The Python drills have their own check (tests/python_drills.rs).
        .filter(|exercise| exercise.package == package && !exercise.python)
        .map(|exercise| (exercise.number, exercise.find_and_fix))
        .collect()
}

#[test]
fn every_untouched_stub_fails_with_one_clear_line_per_test() {
    let mut problems = Vec::new();
    for (package, dir) in exercise_crates() {
        let declared = declared_exercises(&package);
        assert!(
            !declared.is_empty(),
            "{package}: no exercise file starts with `//! Exercise N.M: title`"
        );
        let mut reported = BTreeSet::new();
        for features in common::feature_runs(&dir) {
            let run_name = format!("{package} {}", features.join(" "))
                .trim_end()
                .to_owned();
            let mut args = vec![
                "test",
                "-p",
                &package,
                "--no-fail-fast",
                "--color",
                "never",
                "--tests",
            ];
            args.extend(features);
            // RUST_BACKTRACE=1 on purpose: the messages must stay one line even where it is set.
            let output = run(env!("CARGO"), &args, &[("RUST_BACKTRACE", "1")]);
            check_stub_run(
                &run_name,
                &declared,
                &text_of(&output),
                output.status.success(),
                &mut reported,
                &mut problems,
            );
        }
        for missing in declared.keys().filter(|id| !reported.contains(*id)) {
            problems.push(format!(
                "{package}: no failing test reports exercise {missing}"
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

/// Checks one `cargo test` run of untouched stubs; records the exercises its failures name.
fn check_stub_run(
    run_name: &str,
    declared: &BTreeMap<String, bool>,
    text: &str,
    success: bool,
    reported: &mut BTreeSet<String>,
    problems: &mut Vec<String>,
) {
    if success {
        problems.push(format!("{run_name}: the untouched stubs pass their tests"));
        return;
    }
    if !text.contains("test result: FAILED. 0 passed;") {
        let summary = text
            .lines()
            .find(|line| line.starts_with("test result:"))
            .unwrap_or("no test ran");
        problems.push(format!(
            "{run_name}: some tests pass on starter code, or none ran ({summary})"
        ));
    }
    if text.contains("stack backtrace") {
        problems.push(format!("{run_name}: a failing test prints a backtrace"));
    }
    for learn::runner::Failure { test, printed } in learn::runner::failures(text) {
        let printed = printed.join("\n");
        let one_line = !printed.contains('\n');
        let id = printed
            .strip_prefix("exercise ")
            .and_then(|rest| rest.split([' ', ':']).next());
        let expected_wording = |id: &str| {
            let find_and_fix = declared.get(id).copied().unwrap_or(false);
            find_and_fix || printed.starts_with(&format!("exercise {id} is not implemented yet"))
        };
        match id {
            Some(id) if one_line && expected_wording(id) && printed.contains("src/ch") => {
                reported.insert(id.to_owned());
            }
            _ => problems.push(format!(
                "{run_name}: test `{test}` should fail with one line naming its exercise and book page, \
                 but printed:\n{printed}"
            )),
        }
    }
}

#[test]
fn no_test_run_wrote_a_snapshot() {
    let pending: Vec<String> = ["exercises", "solutions"]
        .iter()
        .flat_map(|dir| {
            let dir = common::root().join(dir);
            let mut files = files_below(&dir, ".snap.new");
            files.extend(files_below(&dir, ".pending-snap"));
            files
        })
        .map(|file| relative(&file))
        .collect();
    assert!(
        pending.is_empty(),
        "pending snapshots found (insta must never write the answer key): {pending:?}"
    );
}
