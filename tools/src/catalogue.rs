//! The wrong-answer catalogue (`tests/wrong_answers/chapterN.toml`): realistic learner mistakes,
//! each written as edits to a reference solution (or as the learner's whole file), that the
//! chapter's tests must catch. `cargo wrong-answers` runs them; the root `cargo test` checks
//! that every entry is well formed and still applies to today's solutions.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// One catalogue file: `[[wrong]]` entries.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueFile {
    #[serde(default)]
    wrong: Vec<WrongAnswer>,
}

/// One learner mistake, as written in the catalogue.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WrongAnswer {
    /// The exercise id, as in the book ("3.2").
    pub exercise: String,
    /// The learner's file, relative to the chapter's crate dir ("src/02_lock_or_free.rs").
    pub file: String,
    /// The mistake in one line, in the learner's terms.
    pub says: String,
    pub kind: Kind,
    /// Words the failing test output must contain.
    #[serde(default)]
    pub expect: Vec<String>,
    /// A race: the tests run [`RACE_RUNS`] times and must fail every time.
    #[serde(default)]
    pub race: bool,
    /// Edits applied in order to the solution file.
    #[serde(default)]
    pub edit: Vec<Edit>,
    /// Instead of edits: the learner's whole file.
    pub whole: Option<String>,
}

/// How often a race entry's tests run; every run must catch it.
pub const RACE_RUNS: usize = 10;

/// One edit: `find` must occur exactly once in the file as edited so far.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edit {
    pub find: String,
    pub replace: String,
}

/// The kinds of mistake the catalogue covers (issue 11).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum Kind {
    #[serde(rename = "logic slip")]
    LogicSlip,
    #[serde(rename = "race")]
    Race,
    #[serde(rename = "liveness")]
    Liveness,
    #[serde(rename = "not concurrent")]
    NotConcurrent,
    #[serde(rename = "boundary")]
    Boundary,
    #[serde(rename = "hostile peer")]
    HostilePeer,
    #[serde(rename = "hard-coded answer")]
    HardCodedAnswer,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::LogicSlip => "logic slip",
            Kind::Race => "race",
            Kind::Liveness => "liveness",
            Kind::NotConcurrent => "not concurrent",
            Kind::Boundary => "boundary",
            Kind::HostilePeer => "hostile peer",
            Kind::HardCodedAnswer => "hard-coded answer",
        })
    }
}

/// A catalogue entry with where it came from.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The chapter of the catalogue file (`chapter3.toml` -> 3).
    pub chapter: u32,
    /// The catalogue file, for messages.
    pub source: PathBuf,
    /// 1-based position in its file, for messages.
    pub number: usize,
    pub wrong: WrongAnswer,
}

/// The file a language's tests are run from: decides how an entry is built and run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    /// A Rust exercise file, checked by `cargo test -p chapterN-solution`.
    Rust,
    /// A Python drill of chapter 8, checked by `exercises/chapter8/python/check.py`.
    Python,
}

impl Entry {
    /// "chapter3.toml #2 (3.2: the lock taken once ...)".
    pub fn name(&self) -> String {
        format!(
            "{} #{} ({}: {})",
            self.source
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default(),
            self.number,
            self.wrong.exercise,
            self.wrong.says
        )
    }

    pub fn language(&self) -> Language {
        if self.wrong.file.ends_with(".py") {
            Language::Python
        } else {
            Language::Rust
        }
    }

    /// The solution crate's folder, relative to the repository root.
    pub fn crate_dir(&self) -> PathBuf {
        PathBuf::from(format!("solutions/chapter{}", self.chapter))
    }

    /// The reference solution file the entry edits, relative to the repository root.
    pub fn solution_file(&self) -> PathBuf {
        self.crate_dir().join(&self.wrong.file)
    }

    /// The learner's copy of the same file (its header names the exercise).
    pub fn exercise_file(&self) -> PathBuf {
        PathBuf::from(format!("exercises/chapter{}", self.chapter)).join(&self.wrong.file)
    }

    /// The package whose tests check the solution.
    pub fn package(&self) -> String {
        format!("chapter{}-solution", self.chapter)
    }

    /// The exercise's own test module: `src/02_lock_or_free.rs` -> `ex02_lock_or_free`.
    pub fn test_module(&self) -> String {
        let stem = Path::new(&self.wrong.file)
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        format!("ex{stem}")
    }

    /// The learner's file: the solution with the edits applied, or the whole file given.
    pub fn apply(&self, solution: &str) -> Result<String, String> {
        if let Some(whole) = &self.wrong.whole {
            return Ok(whole.clone());
        }
        let mut text = solution.to_owned();
        for (index, edit) in self.wrong.edit.iter().enumerate() {
            let found = text.matches(edit.find.as_str()).count();
            if found != 1 {
                return Err(format!(
                    "stale: edit {} finds its text {found} times in {} (it must occur exactly \
                     once): update the entry to today's solution",
                    index + 1,
                    self.solution_file().display()
                ));
            }
            text = text.replacen(edit.find.as_str(), &edit.replace, 1);
        }
        Ok(text)
    }

    /// Everything wrong with the entry's fields, checked against the checkout at `root`
    /// (empty when it is fine). Does not run anything.
    pub fn problems(&self, root: &Path) -> Vec<String> {
        let wrong = &self.wrong;
        let mut problems = Vec::new();
        let id_chapter = wrong
            .exercise
            .split_once('.')
            .filter(|(_, number)| number.parse::<u32>().is_ok())
            .and_then(|(chapter, _)| chapter.parse::<u32>().ok());
        match id_chapter {
            None => problems.push(format!(
                "exercise = {:?} is not an id like \"3.2\"",
                wrong.exercise
            )),
            Some(chapter) if chapter != self.chapter => problems.push(format!(
                "exercise {} belongs in chapter{chapter}.toml",
                wrong.exercise
            )),
            Some(_) => {}
        }
        if wrong.says.trim().is_empty() {
            problems.push("`says` is empty: describe the mistake in one line".to_owned());
        }
        if wrong.says.trim_start().starts_with("TODO") {
            problems.push(
                "`says` is still the scaffold's TODO: write a mistake a learner would make, \
                 and the edits that make it"
                    .to_owned(),
            );
        }
        if wrong.expect.is_empty() || wrong.expect.iter().any(|words| words.trim().is_empty()) {
            problems.push(
                "`expect` needs the words the learner must see, e.g. [\"exercise 3.2\", ...]"
                    .to_owned(),
            );
        }
        match (&wrong.whole, wrong.edit.is_empty()) {
            (Some(_), false) => problems.push("give either `whole` or edits, not both".to_owned()),
            (None, true) => problems.push("give `whole` or at least one [[wrong.edit]]".to_owned()),
            _ => {}
        }
        if wrong.edit.iter().any(|edit| edit.find.is_empty()) {
            problems.push("an edit has an empty `find`".to_owned());
        }
        let relative = Path::new(&wrong.file);
        if relative.is_absolute()
            || relative
                .components()
                .any(|part| matches!(part, std::path::Component::ParentDir))
        {
            problems.push(format!(
                "file = {:?} must be relative to the chapter's crate",
                wrong.file
            ));
            return problems;
        }
        let solution_path = root.join(self.solution_file());
        let Ok(solution) = std::fs::read_to_string(&solution_path) else {
            problems.push(format!("{} does not exist", self.solution_file().display()));
            return problems;
        };
        if let Err(stale) = self.apply(&solution) {
            problems.push(stale);
        }
        if self.language() == Language::Rust {
            let header = format!("//! Exercise {}:", wrong.exercise);
            let declared = std::fs::read_to_string(root.join(self.exercise_file()))
                .map(|text| text.lines().next().unwrap_or_default().starts_with(&header))
                .unwrap_or(false);
            if !declared {
                problems.push(format!(
                    "{} does not start with `{header}`: wrong `file` or `exercise`",
                    self.exercise_file().display()
                ));
            }
        }
        problems
    }
}

/// Every catalogue file (`chapterN.toml`) in `dir`, in chapter order.
pub fn catalogue_files(dir: &Path) -> Result<Vec<(u32, PathBuf)>, String> {
    let entries = std::fs::read_dir(dir).map_err(|error| {
        format!(
            "cannot read the catalogue folder {}: {error}",
            dir.display()
        )
    })?;
    let mut files = Vec::new();
    for path in entries.filter_map(Result::ok).map(|entry| entry.path()) {
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        // `chapter8.toml`, or `chapter8-python.toml` for another language's entries.
        if let Some(number) = name
            .strip_prefix("chapter")
            .and_then(|rest| rest.strip_suffix(".toml"))
            .map(|rest| rest.split_once('-').map_or(rest, |(number, _)| number))
        {
            let chapter = number.parse().map_err(|_| {
                format!(
                    "{}: catalogue files are named chapterN.toml",
                    path.display()
                )
            })?;
            files.push((chapter, path));
        }
    }
    files.sort();
    Ok(files)
}

/// Reads one catalogue file.
pub fn load_file(chapter: u32, path: &Path) -> Result<Vec<Entry>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    let file: CatalogueFile =
        toml::from_str(&text).map_err(|error| format!("{}: {error}", path.display()))?;
    Ok(file
        .wrong
        .into_iter()
        .enumerate()
        .map(|(index, wrong)| Entry {
            chapter,
            source: path.to_path_buf(),
            number: index + 1,
            wrong,
        })
        .collect())
}

/// Reads every catalogue file in `dir`.
pub fn load(dir: &Path) -> Result<Vec<Entry>, String> {
    let mut entries = Vec::new();
    for (chapter, path) in catalogue_files(dir)? {
        entries.extend(load_file(chapter, &path)?);
    }
    Ok(entries)
}

/// The exercises the exercise crates declare (`//! Exercise 3.2: ...` on a file's first line),
/// as (id, file relative to the crate), in chapter and file order.
pub fn declared_exercises(root: &Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let Ok(chapters) = std::fs::read_dir(root.join("exercises")) else {
        return found;
    };
    for chapter in chapters.filter_map(Result::ok).map(|entry| entry.path()) {
        let Ok(files) = std::fs::read_dir(chapter.join("src")) else {
            continue;
        };
        for file in files.filter_map(Result::ok).map(|entry| entry.path()) {
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            let Some(id) = text
                .lines()
                .next()
                .and_then(|line| line.strip_prefix("//! Exercise "))
                .and_then(|rest| rest.split(':').next())
            else {
                continue;
            };
            let name = file
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            found.push((id.to_owned(), format!("src/{name}")));
        }
    }
    found.sort_by_key(|(id, _)| exercise_order(id));
    found
}

/// Sorts "3.10" after "3.9".
pub fn exercise_order(id: &str) -> (u32, u32) {
    let (chapter, number) = id.split_once('.').unwrap_or((id, "0"));
    (
        chapter.parse().unwrap_or(u32::MAX),
        number.parse().unwrap_or(u32::MAX),
    )
}

/// Which entries a command-line filter selects: "3" (a chapter) or "3.2" (an exercise).
pub fn selects(filter: Option<&str>, entry: &Entry) -> bool {
    match filter {
        None => true,
        Some(filter) if filter.contains('.') => entry.wrong.exercise == filter,
        Some(filter) => filter.parse() == Ok(entry.chapter),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(toml_text: &str) -> Entry {
        let file: CatalogueFile = toml::from_str(toml_text).expect("parses");
        Entry {
            chapter: 3,
            source: PathBuf::from("chapter3.toml"),
            number: 1,
            wrong: file.wrong.into_iter().next().expect("one entry"),
        }
    }

    const ONE: &str = r#"
[[wrong]]
exercise = "3.2"
file = "src/02_lock_or_free.rs"
says = "a slip"
kind = "not concurrent"
expect = ["exercise 3.2"]

[[wrong.edit]]
find = "b"
replace = "B"
"#;

    #[test]
    fn edits_apply_once_and_stale_ones_say_so() {
        let entry = entry(ONE);
        assert_eq!(entry.apply("a b c").unwrap(), "a B c");
        assert!(entry.apply("a c").unwrap_err().contains("0 times"));
        assert!(entry.apply("b b").unwrap_err().contains("2 times"));
        assert_eq!(entry.test_module(), "ex02_lock_or_free");
        assert_eq!(entry.package(), "chapter3-solution");
    }

    #[test]
    fn unknown_kinds_and_fields_are_rejected() {
        let bad_kind = ONE.replace("not concurrent", "typo");
        assert!(toml::from_str::<CatalogueFile>(&bad_kind).is_err());
        let extra = ONE.replace("race", "").replace("says =", "sayz =");
        assert!(toml::from_str::<CatalogueFile>(&extra).is_err());
    }

    #[test]
    fn filters_pick_a_chapter_or_an_exercise() {
        let entry = entry(ONE);
        assert!(selects(None, &entry));
        assert!(selects(Some("3"), &entry));
        assert!(selects(Some("3.2"), &entry));
        assert!(!selects(Some("3.1"), &entry));
        assert!(!selects(Some("4"), &entry));
    }
}
