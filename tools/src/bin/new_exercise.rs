//! `cargo new-exercise CHAPTER NAME "Title"`: adds exercise CHAPTER.M (the next number) to the
//! course, in every place one exercise is written down:
//!
//! - the stub `exercises/chapterN/src/MM_name.rs` and the solution `solutions/chapterN/src/MM_name.rs`,
//!   each with its header (`//! Exercise N.M: title.` / `//! Book: ...`);
//! - its module lines in the chapter's one list (`exercises/chapterN/src/modules.rs`, which both
//!   crates declare their modules from) and its row in the exercise tables of the `lib.rs` files;
//! - the test `exercises/chapterN/tests/exercises/exMM_name.rs` and its `mod` line;
//! - the book page `src/chNN/MM-name.md` with its Exercise box, a hint and the walkthrough;
//! - its row in `src/SUMMARY.md` and in the chapter's index table (in the words of the optional
//!   fourth argument, or a TODO);
//! - two entries of the wrong-answer catalogue (`tests/wrong_answers/chapterN.toml`) that apply
//!   to the scaffold's solution and are caught by the scaffold's test, with a TODO in their
//!   `says`, which the root check refuses until a person writes real ones;
//! - the runner's starter bundle (`learn/starter-code.txt`).
//!
//! What is left is what only a person can write: the stub, the solution, the test, the page and
//! the two catalogue entries, then `scripts/bless chapterN` for the answer key.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tools::process::repository_root;

/// Where a Rust keyword may not be a module name as it is.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type",
    "unsafe", "use", "where", "while", "yield",
];

/// Everything the files say about the new exercise, worked out once.
struct NewExercise {
    chapter: u32,
    number: u32,
    /// `dummy_thing`: the file's name without its number, the test module's and the function's.
    name: String,
    /// As the book's titles write it: "A dummy thing".
    title: String,
    /// What the learner builds, in a few words, for the chapter index's table.
    summary: Option<String>,
    /// Whether the chapter's tests are its library's unit tests (a `mod exercises;` in lib.rs)
    /// rather than a test crate of their own: insta names snapshots after the module path.
    unit_tests: bool,
}

impl NewExercise {
    fn id(&self) -> String {
        format!("{}.{}", self.chapter, self.number)
    }
    fn file(&self) -> String {
        format!("{:02}_{}.rs", self.number, self.name)
    }
    fn module(&self) -> String {
        if KEYWORDS.contains(&self.name.as_str()) {
            format!("r#{}", self.name)
        } else {
            self.name.clone()
        }
    }
    /// The start of its snapshots' file names: the test module's path, as insta writes it.
    fn snapshot_prefix(&self) -> String {
        let tests = if self.unit_tests {
            format!("{}__exercises", self.package())
        } else {
            "exercises".to_owned()
        };
        format!("{tests}__ex{:02}_{}", self.number, self.name)
    }
    fn package(&self) -> String {
        format!("chapter{}", self.chapter)
    }
    /// The page's file name inside `src/chNN/`.
    fn page_file(&self) -> String {
        format!("{:02}-{}.md", self.number, self.name.replace('_', "-"))
    }
    /// The page as the headers name it: `src/ch03/07-dummy-thing.md`.
    fn page(&self) -> String {
        format!("src/ch{:02}/{}", self.chapter, self.page_file())
    }
    /// The title in a sentence: "a dummy thing" (the first letter lowered, as the headers write it).
    fn title_in_sentence(&self) -> String {
        let mut letters = self.title.chars();
        letters.next().map_or_else(String::new, |first| {
            first.to_lowercase().chain(letters).collect()
        })
    }
    fn header(&self) -> String {
        format!(
            "//! Exercise {}: {}.\n//! Book: {}\n",
            self.id(),
            self.title_in_sentence(),
            self.page()
        )
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (chapter, name, title, summary) = match args.as_slice() {
        [chapter, name, title] => (chapter, name, title, None),
        [chapter, name, title, summary] => (chapter, name, title, Some(summary.as_str())),
        _ => {
            eprintln!(
                "usage: cargo new-exercise CHAPTER NAME \"Title\" [\"what the learner builds\"]\n  \
                 e.g. cargo new-exercise 3 shared_counter \"A counter shared by threads\" \
                 \"one counter, four threads, no lost updates\""
            );
            return ExitCode::FAILURE;
        }
    };
    match add(&repository_root(), chapter, name, title, summary) {
        Ok(exercise) => {
            print_next_steps(&exercise);
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("new-exercise: {error}");
            ExitCode::FAILURE
        }
    }
}

fn add(
    root: &Path,
    chapter: &str,
    name: &str,
    title: &str,
    summary: Option<&str>,
) -> Result<NewExercise, String> {
    let chapter: u32 = chapter
        .parse()
        .map_err(|_| format!("the chapter is a number, not {chapter:?}"))?;
    let valid_name = name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !valid_name {
        return Err(format!(
            "the name {name:?} must be snake_case (it names the file, the module and the test)"
        ));
    }
    let exercises = root.join(format!("exercises/chapter{chapter}"));
    if !exercises.is_dir() {
        return Err(format!("there is no {}", exercises.display()));
    }
    let number = next_number(&exercises.join("src"))?;
    let exercise = NewExercise {
        chapter,
        number,
        name: name.to_owned(),
        title: title.trim_end_matches('.').to_owned(),
        summary: summary.map(|words| words.trim().to_owned()),
        unit_tests: std::fs::read_to_string(exercises.join("src/lib.rs"))
            .is_ok_and(|lib| lib.contains("mod exercises;")),
    };
    // Everything is worked out before the first write, so a refusal leaves no half exercise.
    let mut edits = Edits::default();
    let solutions = root.join(format!("solutions/chapter{chapter}"));
    let tests = exercises.join("tests/exercises");
    let book = root.join(format!("src/ch{chapter:02}"));
    edits.create(exercises.join("src").join(exercise.file()), stub(&exercise));
    edits.create(
        solutions.join("src").join(exercise.file()),
        solution(&exercise),
    );
    edits.create(
        tests.join(format!("ex{:02}_{}.rs", number, exercise.name)),
        test(&exercise),
    );
    edits.create(book.join(exercise.page_file()), page(&exercise));
    edits.change(&exercises.join("src/modules.rs"), |modules| {
        add_module(modules, &exercise)
    })?;
    edits.change(&exercises.join("src/lib.rs"), |lib| {
        Ok(add_table_row(lib, &exercise))
    })?;
    edits.change(&solutions.join("src/lib.rs"), |lib| {
        Ok(add_table_row(lib, &exercise))
    })?;
    edits.change(&tests.join("main.rs"), |main| {
        insert_after_last(
            main,
            |line| line.starts_with("mod ex"),
            &format!("mod ex{number:02}_{};", exercise.name),
        )
    })?;
    edits.change(&root.join("src/SUMMARY.md"), |summary| {
        summary_row(summary, &exercise)
    })?;
    edits.change(&book.join("index.md"), |index| index_row(index, &exercise))?;
    edits.change(
        &root.join(format!("tests/wrong_answers/chapter{chapter}.toml")),
        |catalogue| Ok(format!("{catalogue}{}", wrong_answers(&exercise))),
    )?;
    edits.apply()?;
    let starters = learn::starters::current(root);
    fs::write(
        root.join(learn::starters::BUNDLE),
        learn::starters::render(&starters),
    )
    .map_err(|error| format!("cannot write the starter bundle: {error}"))?;
    Ok(exercise)
}

/// The number after the highest `NN_` file of the chapter.
fn next_number(src: &Path) -> Result<u32, String> {
    let entries = fs::read_dir(src).map_err(|error| format!("{}: {error}", src.display()))?;
    let highest = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            name.split_once('_')?.0.parse::<u32>().ok()
        })
        .max()
        .unwrap_or(0);
    Ok(highest + 1)
}

/// The files to write, checked before any is written.
#[derive(Default)]
struct Edits {
    writes: Vec<(PathBuf, String)>,
    refusals: Vec<String>,
}

impl Edits {
    fn create(&mut self, path: PathBuf, content: String) {
        if path.exists() {
            self.refusals
                .push(format!("{} exists already", path.display()));
        }
        self.writes.push((path, content));
    }

    fn change(
        &mut self,
        path: &Path,
        edit: impl FnOnce(&str) -> Result<String, String>,
    ) -> Result<(), String> {
        let text =
            fs::read_to_string(path).map_err(|error| format!("{}: {error}", path.display()))?;
        match edit(&text) {
            Ok(changed) => self.writes.push((path.to_path_buf(), changed)),
            Err(why) => self.refusals.push(format!("{}: {why}", path.display())),
        }
        Ok(())
    }

    fn apply(self) -> Result<(), String> {
        if !self.refusals.is_empty() {
            return Err(format!(
                "nothing written, because:\n  {}",
                self.refusals.join("\n  ")
            ));
        }
        for (path, content) in self.writes {
            fs::write(&path, content).map_err(|error| format!("{}: {error}", path.display()))?;
        }
        Ok(())
    }
}

/// Puts `new_line` after the last line that `is_like` accepts.
fn insert_after_last(
    text: &str,
    is_like: impl Fn(&str) -> bool,
    new_line: &str,
) -> Result<String, String> {
    let lines: Vec<&str> = text.lines().collect();
    let last = lines
        .iter()
        .rposition(|line| is_like(line))
        .ok_or_else(|| format!("no line like the one to add ({new_line:?}) to put it after"))?;
    let mut out: Vec<&str> = lines[..=last].to_vec();
    out.push(new_line);
    out.extend(&lines[last + 1..]);
    Ok(out.join("\n") + "\n")
}

/// `#[path = "MM_name.rs"] pub mod name;` after the chapter's last exercise module, in the
/// chapter's one list of modules (`modules.rs`), indented as the lines before it.
fn add_module(modules: &str, exercise: &NewExercise) -> Result<String, String> {
    let lines: Vec<&str> = modules.lines().collect();
    let last_path = lines
        .iter()
        .rposition(|line| {
            line.trim_start()
                .strip_prefix("#[path = \"")
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        })
        .ok_or("no `#[path = \"NN_...\"]` module line")?;
    let indent = &lines[last_path][..lines[last_path].len() - lines[last_path].trim_start().len()];
    let mut out: Vec<String> = lines[..=last_path + 1]
        .iter()
        .map(ToString::to_string)
        .collect();
    out.push(format!("{indent}#[path = \"{}\"]", exercise.file()));
    out.push(format!("{indent}pub mod {};", exercise.module()));
    out.extend(lines[last_path + 2..].iter().map(ToString::to_string));
    Ok(out.join("\n") + "\n")
}

/// The row in the `lib.rs` table of exercises, where the file has one.
fn add_table_row(lib: &str, exercise: &NewExercise) -> String {
    let row = format!(
        "//! | `{}` | {} {} | `{}` |",
        exercise.file(),
        exercise.id(),
        exercise.title,
        exercise.page()
    );
    insert_after_last(lib, |line| line.starts_with("//! | `"), &row).unwrap_or_else(|_| lib.into())
}

fn summary_row(summary: &str, exercise: &NewExercise) -> Result<String, String> {
    let chapter = format!("(ch{:02}/", exercise.chapter);
    let row = format!(
        "  - [{}](ch{:02}/{})",
        exercise.title,
        exercise.chapter,
        exercise.page_file()
    );
    // After the page of the exercise before it, so that later topic pages stay after it.
    let before = format!("{chapter}{:02}-", exercise.number - 1);
    insert_after_last(summary, |line| line.contains(&before), &row)
        .or_else(|_| insert_after_last(summary, |line| line.contains(&chapter), &row))
}

fn index_row(index: &str, exercise: &NewExercise) -> Result<String, String> {
    let row = format!(
        "| {} | {} | [{}]({}) |",
        exercise.id(),
        exercise
            .summary
            .as_deref()
            .unwrap_or("TODO: what the learner builds, in a few words"),
        exercise.title,
        exercise.page_file()
    );
    let exercise_row = format!("| {}.", exercise.chapter);
    insert_after_last(index, |line| line.starts_with(&exercise_row), &row)
}

/// Two catalogue entries that fit the scaffold: each edits its solution's one line, and its test
/// catches both. Their `says` is a TODO, which the root check refuses until a person replaces
/// them with mistakes a learner of this exercise would really make.
fn wrong_answers(exercise: &NewExercise) -> String {
    let entry = |kind: &str, replace: &str| {
        format!(
            "
[[wrong]]
exercise = \"{id}\"
file = \"src/{file}\"
says = \"TODO: a mistake a learner would make, in a few words (this one: {kind})\"
kind = \"{kind}\"
expect = [\"exercise {id}\"]

[[wrong.edit]]
find = '''
    input
'''
replace = '''
    {replace}
'''
",
            id = exercise.id(),
            file = exercise.file(),
        )
    };
    format!(
        "\n# {} {}{}{}",
        exercise.id(),
        exercise.title,
        entry("logic slip", "input + 1"),
        entry("hard-coded answer", "0"),
    )
}

fn stub(exercise: &NewExercise) -> String {
    format!(
        "{header}//!
//! TODO: what to build, in the learner's terms, and what the tests check (and cannot check).

/// TODO: what `{name}` returns.
pub fn {name}(input: u64) -> u64 {{
    // TODO: the learner's part.
    todo!()
}}
",
        header = exercise.header(),
        name = exercise.name,
    )
}

fn solution(exercise: &NewExercise) -> String {
    format!(
        "{header}//!
//! The reference solution; the book shows the part between the anchors.

// ANCHOR: solution
/// TODO: what `{name}` returns.
pub fn {name}(input: u64) -> u64 {{
    // TODO: the reference solution, with comments that say why.
    input
}}
// ANCHOR_END: solution
",
        header = exercise.header(),
        name = exercise.name,
    )
}

fn test(exercise: &NewExercise) -> String {
    format!(
        "//! Exercise {id}: {title} (book: {page}).

use {package}::{module}::{name};
use support::Exercise;
use support::testkit::Table;

const EXERCISE: Exercise = Exercise::new(\"{id}\", \"{short_page}\");

// TODO: the scenario, and the check that says in the learner's terms what went wrong.
#[test]
fn {name}_answers() {{
    let inputs = [0, 1, 2];
    let answers = EXERCISE.run(move || inputs.map({name}));
    let mut table = Table::with_header([\"input\", \"answer\"]);
    for (input, answer) in inputs.iter().zip(answers) {{
        EXERCISE.check(answer <= 100, format!(\"{name}({{input}}) = {{answer}}: TODO say why that is wrong\"));
        table.row([input.to_string(), answer.to_string()]);
    }}
    EXERCISE.answer_key(|| insta::assert_snapshot!(table.to_string()));
}}
",
        id = exercise.id(),
        title = exercise.title_in_sentence(),
        page = exercise.page(),
        short_page = exercise.page().trim_start_matches("src/"),
        package = exercise.package(),
        module = exercise.module(),
        name = exercise.name,
    )
}

fn page(exercise: &NewExercise) -> String {
    format!(
        "# {title}

TODO: what this page teaches.

> [!TIP]
> **Exercise {id}: {sentence}.** Open `exercises/{package}/src/{file}`
> and run `cargo test -p {package}`.

TODO: what to build. The answer key:

```text
{{{{#snapshot ../../exercises/{package}/tests/exercises/snapshots/{snapshots}__{name}_answers.snap}}}}
```

<details><summary>Hint 1</summary>

TODO: a nudge, not the answer.

</details>

<details><summary>Solution walkthrough</summary>

```rust
{{{{#include ../../solutions/{package}/src/{file}:solution}}}}
```

TODO: why it is written this way.

</details>
",
        title = exercise.title,
        id = exercise.id(),
        sentence = exercise.title_in_sentence(),
        package = exercise.package(),
        file = exercise.file(),
        name = exercise.name,
        snapshots = exercise.snapshot_prefix(),
    )
}

fn print_next_steps(exercise: &NewExercise) {
    let package = exercise.package();
    let file = exercise.file();
    println!(
        "Added exercise {id} ({file}). Now fill in the TODOs of:
  exercises/{package}/src/{file}                 (the stub: what to build)
  solutions/{package}/src/{file}                 (the reference solution)
  exercises/{package}/tests/exercises/ex{number:02}_{name}.rs   (the scenario and its checks)
  {page}                                  (the page: text, hints, walkthrough)
  src/ch{chapter:02}/index.md                             (the words of its row, unless given)
  tests/wrong_answers/{package}.toml                 (two mistakes a learner would make)
then write the answer key with `scripts/bless {package}`, read it, and after the stub is final
run `UPDATE_STARTERS=1 cargo test -p learn --test starters`.",
        id = exercise.id(),
        number = exercise.number,
        name = exercise.name,
        page = exercise.page(),
        chapter = exercise.chapter,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dummy() -> NewExercise {
        NewExercise {
            chapter: 3,
            number: 7,
            name: "async".into(),
            title: "A dummy exercise".into(),
            summary: None,
            unit_tests: true,
        }
    }

    #[test]
    fn names_follow_the_course_conventions() {
        let exercise = dummy();
        assert_eq!(exercise.file(), "07_async.rs");
        assert_eq!(exercise.module(), "r#async");
        assert_eq!(exercise.page(), "src/ch03/07-async.md");
        assert_eq!(
            exercise.header(),
            "//! Exercise 3.7: a dummy exercise.\n//! Book: src/ch03/07-async.md\n"
        );
    }

    /// `edit` turns `before` into `after`.
    fn assert_edit(edit: impl Fn(&str) -> Result<String, String>, before: &str, after: &str) {
        assert_eq!(edit(before).as_deref(), Ok(after));
    }

    #[test]
    fn the_module_goes_after_the_last_exercise_module() {
        assert_edit(
            |modules| add_module(modules, &dummy()),
            "macro_rules! exercise_modules {\n    () => {\n        #[path = \"01_a.rs\"]\n        pub mod a;\n    };\n}\n",
            "macro_rules! exercise_modules {\n    () => {\n        #[path = \"01_a.rs\"]\n        pub mod a;\n        #[path = \"07_async.rs\"]\n        pub mod r#async;\n    };\n}\n",
        );
        assert_edit(
            |lib| Ok(add_table_row(lib, &dummy())),
            "//! | `01_a.rs` | 3.1 A | `src/ch03/01-a.md` |\n\npub mod provided;\n",
            "//! | `01_a.rs` | 3.1 A | `src/ch03/01-a.md` |\n//! | `07_async.rs` | 3.7 A dummy exercise | `src/ch03/07-async.md` |\n\npub mod provided;\n",
        );
    }

    #[test]
    fn the_summary_row_follows_the_exercise_before() {
        assert_edit(
            |summary| summary_row(summary, &dummy()),
            "- [Ch](ch03/index.md)\n  - [Six](ch03/06-six.md)\n  - [Side](ch03/07-side.md)\n- [Next](ch04/index.md)\n",
            "- [Ch](ch03/index.md)\n  - [Six](ch03/06-six.md)\n  - [A dummy exercise](ch03/07-async.md)\n  - [Side](ch03/07-side.md)\n- [Next](ch04/index.md)\n",
        );
    }

    #[test]
    fn the_catalogue_entries_fit_the_scaffold_and_ask_for_real_ones() {
        let entries = wrong_answers(&dummy());
        assert!(entries.starts_with("\n# 3.7 A dummy exercise\n"));
        assert_eq!(entries.matches("[[wrong]]").count(), 2);
        assert_eq!(entries.matches("file = \"src/07_async.rs\"").count(), 2);
        assert_eq!(entries.matches("says = \"TODO").count(), 2);
        // The scaffold's solution returns `input`: the one line both entries change.
        assert_eq!(entries.matches("find = '\'\'\n    input\n'\'\'").count(), 2);
    }
}
