//! A test names its exercise twice over: the id and page it gives `Exercise::new` are what a
//! learner reads when it fails ("exercise 3.2 ... see src/ch03/02-lock-or-free.md"), and the
//! stub's header (`//! Exercise 3.2: ...` / `//! Book: src/ch03/...`) is what the runner and
//! the book know it by. They must agree, or a failure sends the learner to the wrong page.

mod common;

use common::{files_below, relative, root};

/// Every `Exercise::new("ID", "PAGE")` in a file, as (id, page).
fn declared_in(source: &str) -> Vec<(String, String)> {
    source
        .split("Exercise::new(")
        .skip(1)
        .filter_map(|call| {
            let mut strings = call.split('"').skip(1).step_by(2);
            Some((strings.next()?.to_owned(), strings.next()?.to_owned()))
        })
        .collect()
}

#[test]
fn every_exercise_new_matches_its_stub_header() {
    let catalog = learn::catalog::load(&root()).expect("the exercise catalogue");
    let mut problems = Vec::new();
    for (package, dir) in common::exercise_crates() {
        for test_file in files_below(&dir.join("tests"), ".rs") {
            let source = std::fs::read_to_string(&test_file).unwrap_or_default();
            let test_module = test_file
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            for (id, page) in declared_in(&source) {
                let place = relative(&test_file);
                let Some(exercise) = catalog
                    .iter()
                    .find(|exercise| exercise.package == package && exercise.number == id)
                else {
                    problems.push(format!(
                        "{place}: Exercise::new(\"{id}\", ...) names no exercise of {package}"
                    ));
                    continue;
                };
                if exercise.page != format!("src/{page}") {
                    problems.push(format!(
                        "{place}: exercise {id} gives the page \"{page}\", its stub {} says {}",
                        exercise.file.display(),
                        exercise.page
                    ));
                }
                let is_exercise_test = test_module.starts_with("ex")
                    && test_module[2..].starts_with(|c: char| c.is_ascii_digit());
                if is_exercise_test && exercise.test_module != test_module {
                    problems.push(format!(
                        "{place}: checks exercise {id}, whose tests belong in {}.rs",
                        exercise.test_module
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_call_is_read_as_written() {
    let source = "const EXERCISE: Exercise = Exercise::new(\"3.2\", \"ch03/02-lock-or-free.md\")\n    .with_hang_hint(\"x\");";
    assert_eq!(
        declared_in(source),
        [("3.2".to_owned(), "ch03/02-lock-or-free.md".to_owned())]
    );
}
