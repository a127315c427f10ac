//! Which exercises exist: found by reading the exercise crates, so a new or renamed exercise
//! needs no registration anywhere.

use std::path::{Path, PathBuf};

/// One exercise, as its file declares it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exercise {
    /// The stable key progress is saved under: the file's `//! Key:` line if it has one, else
    /// `chapterN/slug` from the file name without its number. Renumbering (`02_x.rs` becoming
    /// `03_x.rs`, exercise 1.2 becoming 1.3) keeps the key, and so the learner's progress.
    pub key: String,
    /// The number the book shows, e.g. "1.2".
    pub number: String,
    pub title: String,
    /// The exercise crate, e.g. "chapter1".
    pub package: String,
    /// Where the list shows it: its crate ("chapter8"), or "chapter8py" for the Python drills.
    pub group: String,
    /// A Python drill of chapter 8 (`exercises/chapter8/python/*.py`), checked by check.py.
    pub python: bool,
    /// The exercise file, relative to the repository root.
    pub file: PathBuf,
    /// The book page, relative to the repository root (e.g. "src/ch01/02-one-at-a-time.md").
    pub page: String,
    /// The test module that checks it: `ex` + the file name, e.g. "ex02_one_at_a_time".
    pub test_module: String,
    /// A find-and-fix exercise (`//! Starter code: runs, with a mistake to find.`): its starter
    /// code runs, so its tests fail naming the mistake rather than "not implemented yet".
    pub find_and_fix: bool,
}

impl Exercise {
    /// The reference solution's file, relative to the repository root.
    pub fn solution_file(&self) -> PathBuf {
        let name = self.file.file_name().unwrap_or_default();
        Path::new("solutions")
            .join(&self.package)
            .join(if self.python { "python" } else { "src" })
            .join(name)
    }

    /// Whether `query` names this exercise: its number ("1.2") or its key.
    pub fn is_named(&self, query: &str) -> bool {
        self.number == query || self.key == query
    }
}

/// Reads one file's header into an exercise, or `None` for a file that is not one.
type Parser = fn(&str, &Path, &str) -> Option<Exercise>;

/// Every exercise of every chapter, in book order.
pub fn load(root: &Path) -> Result<Vec<Exercise>, String> {
    let mut exercises = Vec::new();
    let chapters = std::fs::read_dir(root.join("exercises"))
        .map_err(|error| format!("cannot read {}: {error}", root.join("exercises").display()))?;
    // A chapter's Rust exercises live in src/, its Python drills (chapter 8) in python/.
    let kinds: [(&str, Parser); 2] = [("src", parse), ("python", parse_python)];
    for chapter in chapters.filter_map(Result::ok) {
        let package = chapter.file_name().to_string_lossy().into_owned();
        for (folder, parse_file) in kinds {
            let Ok(files) = std::fs::read_dir(chapter.path().join(folder)) else {
                continue;
            };
            for file in files.filter_map(Result::ok) {
                let relative = Path::new("exercises")
                    .join(&package)
                    .join(folder)
                    .join(file.file_name());
                let Ok(source) = std::fs::read_to_string(file.path()) else {
                    continue;
                };
                if let Some(exercise) = parse_file(&package, &relative, &source) {
                    exercises.push(exercise);
                }
            }
        }
    }
    exercises.sort_by_key(|exercise| number_order(&exercise.number));
    Ok(exercises)
}

/// The line that marks a find-and-fix exercise.
pub const FIND_AND_FIX: &str = "//! Starter code: runs, with a mistake to find.";

/// Reads an exercise file's header: `//! Exercise N.M: title.`, `//! Book: src/...`, an
/// optional `//! Key: ...` and an optional [`FIND_AND_FIX`] line. Files without the first line
/// (lib.rs, helpers) are not exercises. The one reader of the header: the runner and the
/// project's own checks (`tests/`) both use it.
pub fn parse(package: &str, file: &Path, source: &str) -> Option<Exercise> {
    let header = source.lines().next()?.strip_prefix("//! Exercise ")?;
    let (number, title) = header.split_once(": ")?;
    let doc_line = |label: &str| {
        source
            .lines()
            .find_map(|line| line.strip_prefix(label))
            .map(str::trim)
    };
    let stem = file.file_stem()?.to_string_lossy().into_owned();
    let slug = stem.trim_start_matches(|c: char| c.is_ascii_digit() || c == '_');
    Some(Exercise {
        key: doc_line("//! Key: ").map_or_else(|| format!("{package}/{slug}"), str::to_owned),
        number: number.to_owned(),
        title: title.trim_end_matches('.').to_owned(),
        package: package.to_owned(),
        group: package.to_owned(),
        python: false,
        file: file.to_path_buf(),
        page: doc_line("//! Book: ").unwrap_or_default().to_owned(),
        test_module: format!("ex{stem}"),
        find_and_fix: source.lines().any(|line| line.trim() == FIND_AND_FIX),
    })
}

/// Reads a Python drill's docstring header: `"""Exercise 8.2 (Python): title.` and a
/// `Book: src/...` line. The drill is numbered "8.2py" in the runner, keyed by its file name.
pub fn parse_python(package: &str, file: &Path, source: &str) -> Option<Exercise> {
    let header = source.lines().next()?.strip_prefix("\"\"\"Exercise ")?;
    let (number, title) = header.split_once(" (Python): ")?;
    let page = source
        .lines()
        .find_map(|line| line.strip_prefix("Book: "))?
        .trim();
    let stem = file.file_stem()?.to_string_lossy().into_owned();
    Some(Exercise {
        key: format!("{package}/python/{stem}"),
        number: format!("{number}py"),
        title: format!("{} (Python)", title.trim_end_matches('.')),
        package: package.to_owned(),
        group: format!("{package}py"),
        python: true,
        file: file.to_path_buf(),
        page: page.to_owned(),
        test_module: String::new(),
        find_and_fix: false,
    })
}

/// "1.10" sorts after "1.9"; a Python drill ("8.2py") right after its Rust twin.
fn number_order(number: &str) -> Vec<u32> {
    let (number, python) = match number.strip_suffix("py") {
        Some(number) => (number, true),
        None => (number, false),
    };
    let mut order: Vec<u32> = number
        .split('.')
        .map(|part| part.parse().unwrap_or(u32::MAX))
        .collect();
    order.push(u32::from(python));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "//! Exercise 1.2: bytecode, one thread at a time.\n//! Book: src/ch01/02-one-at-a-time.md\n";

    /// Reads `source` as chapter 1's `src/<file>`.
    fn chapter1(file: &str, source: &str) -> Option<Exercise> {
        parse(
            "chapter1",
            &Path::new("exercises/chapter1/src").join(file),
            source,
        )
    }

    #[test]
    fn reads_the_header_and_derives_a_key_that_survives_renumbering() {
        let exercise = chapter1("02_one_at_a_time.rs", SOURCE).unwrap();
        assert_eq!(exercise.number, "1.2");
        assert_eq!(exercise.title, "bytecode, one thread at a time");
        assert_eq!(exercise.page, "src/ch01/02-one-at-a-time.md");
        assert_eq!(exercise.test_module, "ex02_one_at_a_time");
        assert_eq!(exercise.key, "chapter1/one_at_a_time");

        let renumbered = SOURCE.replace("1.2", "1.5");
        let moved = chapter1("05_one_at_a_time.rs", &renumbered).unwrap();
        assert_eq!(moved.key, exercise.key, "renumbering must keep the key");
    }

    #[test]
    fn an_explicit_key_survives_a_rename() {
        let source = format!("{SOURCE}//! Key: chapter1/one_at_a_time\n");
        let renamed = chapter1("02_bytecode.rs", &source).unwrap();
        assert_eq!(renamed.key, "chapter1/one_at_a_time");
        assert_eq!(renamed.test_module, "ex02_bytecode");
    }

    #[test]
    fn files_without_an_exercise_header_are_skipped() {
        assert_eq!(chapter1("lib.rs", "//! Chapter 1\n"), None);
    }

    #[test]
    fn a_python_drill_reads_its_docstring() {
        let source = "\"\"\"Exercise 8.2 (Python): foo and bar, alternately.\nBook: src/ch08/02-foo-bar.md\n";
        let drill = parse_python(
            "chapter8",
            Path::new("exercises/chapter8/python/foo_bar.py"),
            source,
        )
        .unwrap();
        assert_eq!(drill.number, "8.2py");
        assert_eq!(drill.key, "chapter8/python/foo_bar");
        assert_eq!(drill.group, "chapter8py");
        assert_eq!(drill.page, "src/ch08/02-foo-bar.md");
        assert_eq!(
            drill.solution_file(),
            Path::new("solutions/chapter8/python/foo_bar.py")
        );
        let mut numbers = vec!["8.3", "8.2py", "8.2"];
        numbers.sort_by_key(|number| number_order(number));
        assert_eq!(numbers, ["8.2", "8.2py", "8.3"]);
    }

    #[test]
    fn numbers_sort_numerically() {
        let mut numbers = vec!["1.10", "2.1", "1.9"];
        numbers.sort_by_key(|number| number_order(number));
        assert_eq!(numbers, ["1.9", "1.10", "2.1"]);
    }
}
