//! The wrong-answer catalogue (`tests/wrong_answers/chapterN.toml`) is well formed: every file
//! parses, every field is valid, every edit still applies to today's solution (its `find` occurs
//! exactly once), and every exercise has its share of entries. Running the entries is
//! `cargo wrong-answers`'s job (in `.ci/run`); this check is fast enough for every `cargo test`.

mod common;

use std::collections::BTreeMap;

use tools::catalogue;

/// Entries every exercise must have: issue 11 asks for at least 2 (every exercise had 3 or
/// more when this was set). Raise it as the catalogue grows.
const MIN_ENTRIES_PER_EXERCISE: usize = 2;

#[test]
fn every_catalogue_entry_is_well_formed_and_applies_to_todays_solution() {
    let root = common::root();
    let dir = root.join("tests/wrong_answers");
    if !dir.is_dir() {
        return; // No catalogue yet.
    }
    let mut problems = Vec::new();
    let mut entries = Vec::new();
    match catalogue::catalogue_files(&dir) {
        Err(problem) => problems.push(problem),
        Ok(files) => {
            for (chapter, path) in files {
                match catalogue::load_file(chapter, &path) {
                    Ok(loaded) => entries.extend(loaded),
                    Err(problem) => problems.push(problem),
                }
            }
        }
    }
    for entry in &entries {
        for problem in entry.problems(&root) {
            problems.push(format!("{}: {problem}", entry.name()));
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn every_exercise_has_its_share_of_wrong_answers() {
    let root = common::root();
    let dir = root.join("tests/wrong_answers");
    let entries = if dir.is_dir() {
        catalogue::load(&dir).unwrap_or_default()
    } else {
        Vec::new()
    };
    let mut counts: BTreeMap<(u32, u32), (String, usize)> = catalogue::declared_exercises(&root)
        .into_iter()
        .map(|(id, _)| (catalogue::exercise_order(&id), (id, 0)))
        .collect();
    for entry in &entries {
        if let Some((_, count)) = counts.get_mut(&catalogue::exercise_order(&entry.wrong.exercise))
        {
            *count += 1;
        }
    }
    let short: Vec<String> = counts
        .values()
        .filter(|(_, count)| *count < MIN_ENTRIES_PER_EXERCISE)
        .map(|(id, count)| format!("{id}: {count}"))
        .collect();
    assert!(
        short.is_empty(),
        "exercises with fewer than {MIN_ENTRIES_PER_EXERCISE} wrong answers in \
         tests/wrong_answers: {}",
        short.join(", ")
    );
}
