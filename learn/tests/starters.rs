//! The starter-code bundle that `learn reset` restores from must equal the exercise files as
//! shipped. Regenerate it after changing an exercise:
//! `UPDATE_STARTERS=1 cargo test -p learn --test starters`.

use std::path::Path;

use learn::starters::{self, BUNDLE};

#[test]
fn the_starter_bundle_matches_the_exercise_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let current = starters::current(root);
    if std::env::var_os("UPDATE_STARTERS").is_some() {
        std::fs::write(root.join(BUNDLE), starters::render(&current)).unwrap();
    }
    let bundled = starters::load(root).unwrap_or_default();
    let differ: Vec<String> = current
        .keys()
        .chain(bundled.keys())
        .filter(|file| current.get(*file) != bundled.get(*file))
        .map(|file| file.display().to_string())
        .collect();
    assert!(
        differ.is_empty(),
        "{BUNDLE} is out of date for {differ:?}.\nMaintainers: regenerate it with \
         `UPDATE_STARTERS=1 cargo test -p learn --test starters`.\nLearners: this check is for the \
         published starter code; `cargo test -p chapterN` is the one that checks your work."
    );
}
