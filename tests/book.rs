//! The book builds without warnings with the pinned tools, every link between pages holds (the
//! linkcheck2 backend), no page loads anything from the network, math is rendered, and every
//! exercise is linked from its page to its file and back.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::{files_below, pinned_version, relative, root, run, text_of};

const INSTALL_HINT: &str =
    "install the pinned book tools, the link checker included, with `scripts/book --install-ci`";

/// Builds the book once per test run into target/book-check and returns the HTML folder.
fn built_book() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| {
        for tool in ["mdbook", "mdbook-katex", "mdbook-quiz", "mdbook-linkcheck2"] {
            let version = run(tool, &["--version"], &[]);
            let printed = text_of(&version);
            let pinned = pinned_version(tool);
            assert!(
                version.status.success() && printed.contains(&pinned),
                "{tool} {pinned} is required (found: {}); {INSTALL_HINT}",
                printed.trim()
            );
        }
        let out = root().join("target/book-check");
        let _ = std::fs::remove_dir_all(&out);
        let build = run(
            "mdbook",
            &["build", "--dest-dir", out.to_str().unwrap()],
            &[],
        );
        let log = text_of(&build);
        assert!(build.status.success(), "`mdbook build` failed:\n{log}");
        let complaints: Vec<&str> = log
            .lines()
            .filter(|line| {
                line.contains("WARN") || line.contains("ERROR") || line.contains("error")
            })
            .collect();
        assert!(
            complaints.is_empty(),
            "`mdbook build` warned:\n{}",
            complaints.join("\n")
        );
        out.join("html")
    })
}

/// The book's own pages (not mdbook's print page or its 404 page).
fn pages() -> Vec<PathBuf> {
    files_below(built_book(), ".html")
        .into_iter()
        .filter(|page| {
            !matches!(
                page.file_name().and_then(|n| n.to_str()),
                Some("print.html" | "404.html" | "toc.html")
            )
        })
        .collect()
}

#[test]
fn no_built_page_loads_anything_from_the_network() {
    let mut remote = Vec::new();
    let mut files = files_below(built_book(), ".html");
    files.extend(files_below(built_book(), ".css"));
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for (index, _) in text.match_indices("//") {
            let before = &text[..index];
            let loads = before.ends_with("src=\"https:")
                || before.ends_with("src=\"http:")
                || before.ends_with("src=\"")
                || before.ends_with("url(https:")
                || before.ends_with("url(\"https:")
                || before.ends_with("url('https:")
                || (before.ends_with("href=\"https:") && tag_of(before) == "link");
            if loads {
                let end = text[index..]
                    .find(['"', '\'', ')'])
                    .map_or(text.len(), |end| index + end);
                remote.push(format!("{}: {}", relative(&file), &text[index..end]));
            }
        }
    }
    assert!(
        remote.is_empty(),
        "built pages load remote assets (the book must work offline):\n{}",
        remote.join("\n")
    );
}

/// The name of the HTML tag that `before` ends inside.
fn tag_of(before: &str) -> &str {
    before.rfind('<').map_or("", |start| {
        before[start + 1..].split_whitespace().next().unwrap_or("")
    })
}

#[test]
fn math_is_rendered_by_katex_at_build_time() {
    let mut pages_with_math = 0;
    for source in files_below(&root().join("src"), ".md") {
        let markdown = std::fs::read_to_string(&source).unwrap_or_default();
        if !markdown.contains("$$") {
            continue;
        }
        pages_with_math += 1;
        let page = built_book()
            .join(source.strip_prefix(root().join("src")).unwrap())
            .with_extension("html");
        let html = std::fs::read_to_string(&page).unwrap_or_default();
        assert!(
            html.contains("class=\"katex"),
            "{}: no rendered KaTeX in {}",
            relative(&source),
            relative(&page)
        );
        assert!(
            !html.contains("$$"),
            "{}: raw $$ left in {}",
            relative(&source),
            relative(&page)
        );
    }
    assert!(
        pages_with_math > 0,
        "no page has display math: the KaTeX check would check nothing"
    );
    let stylesheet = built_book().join("katex/katex.min.css");
    assert!(
        stylesheet.is_file(),
        "KaTeX's stylesheet is not in the built book"
    );
}

#[test]
fn every_page_has_rendered_content() {
    let pages = pages();
    assert!(
        pages.len() >= 5,
        "the built book has only {} pages",
        pages.len()
    );
    for page in pages {
        let html = std::fs::read_to_string(&page).unwrap_or_default();
        assert!(
            !html.contains("{{#include") && !html.contains("{{#snapshot"),
            "{}: an include was not resolved",
            relative(&page)
        );
        assert!(
            html.contains("<h1"),
            "{}: the page has no title",
            relative(&page)
        );
    }
}

/// An Exercise box: `> **Exercise N.M: ...** Open `exercises/chapterN/src/...` and run `cargo test -p chapterN`.`
struct ExerciseBox {
    page: PathBuf,
    id: String,
    file: String,
    package: String,
    /// Every piece of code the box quotes.
    commands: Vec<String>,
}

fn exercise_boxes() -> Vec<ExerciseBox> {
    let mut boxes = Vec::new();
    for page in files_below(&root().join("src"), ".md") {
        let markdown = std::fs::read_to_string(&page).unwrap_or_default();
        let lines: Vec<&str> = markdown.lines().collect();
        for (index, line) in lines.iter().enumerate() {
            let Some(rest) = line
                .trim_start_matches(['>', ' '])
                .strip_prefix("**Exercise ")
            else {
                continue;
            };
            let id = rest.split(':').next().unwrap_or_default().to_owned();
            // The box is the run of quoted lines from here.
            let quoted: String = lines[index..]
                .iter()
                .take_while(|line| line.starts_with('>'))
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            let code: Vec<&str> = quoted.split('`').skip(1).step_by(2).collect();
            let file = code
                .iter()
                .find(|code| code.starts_with("exercises/"))
                .copied()
                .unwrap_or_default();
            let package = code
                .iter()
                .find_map(|code| code.strip_prefix("cargo test -p "))
                .map(|package| package.split_whitespace().next().unwrap_or_default())
                .unwrap_or_default();
            boxes.push(ExerciseBox {
                page: page.clone(),
                id,
                file: file.to_owned(),
                package: package.to_owned(),
                commands: code.iter().map(|code| (*code).to_owned()).collect(),
            });
        }
    }
    boxes
}

#[test]
fn every_exercise_box_names_a_file_and_a_command_that_exist() {
    let boxes = exercise_boxes();
    assert!(!boxes.is_empty(), "no Exercise box found in the book");
    let catalog = learn::catalog::load(&root()).expect("the exercise catalogue");
    for exercise in &boxes {
        let page = relative(&exercise.page);
        assert!(
            root().join(&exercise.file).is_file(),
            "{page}: exercise {} names `{}`, which does not exist",
            exercise.id,
            exercise.file
        );
        if let Some(drill) = exercise.id.strip_suffix(" (Python)") {
            // Chapter 8's Python drills: checked by check.py, named in the file's docstring.
            let command = format!("python3 exercises/chapter8/python/check.py {drill}");
            assert!(
                exercise.commands.contains(&command),
                "{page}: exercise {} should say `{command}`",
                exercise.id
            );
            let source = std::fs::read_to_string(root().join(&exercise.file)).unwrap_or_default();
            assert!(
                source.starts_with(&format!("\"\"\"Exercise {}:", exercise.id)),
                "{page}: exercise {} points at `{}`, which is a different exercise",
                exercise.id,
                exercise.file
            );
            continue;
        }
        assert!(
            root()
                .join("exercises")
                .join(&exercise.package)
                .join("Cargo.toml")
                .is_file(),
            "{page}: exercise {} says `cargo test -p {}`, but there is no such exercise crate",
            exercise.id,
            exercise.package
        );
        let declared = catalog
            .iter()
            .find(|declared| declared.file.display().to_string() == exercise.file);
        assert!(
            declared.is_some_and(|declared| declared.number == exercise.id),
            "{page}: exercise {} points at `{}`, which is a different exercise",
            exercise.id,
            exercise.file
        );
    }
}

#[test]
fn every_exercise_file_names_its_page_and_the_page_names_it_back() {
    let boxes = exercise_boxes();
    for exercise in learn::catalog::load(&root()).expect("the exercise catalogue") {
        let file = exercise.file.display().to_string();
        let page = &exercise.page;
        assert!(
            !page.is_empty(),
            "{file}: no `//! Book: src/...` line names its page"
        );
        assert!(
            root().join(page).is_file(),
            "{file}: names the page {page}, which does not exist"
        );
        assert!(
            boxes
                .iter()
                .any(|the_box| relative(&the_box.page) == *page && the_box.file == file),
            "{file}: its page {page} has no Exercise box naming it (and `cargo test -p {}`)",
            exercise.package
        );
    }
}

/// Pages longer than this many words open with an "in brief" box (issue 14).
const LONG_PAGE_WORDS: usize = 1200;

#[test]
fn every_long_page_opens_with_an_in_brief_box() {
    let mut missing = Vec::new();
    for page in files_below(&root().join("src"), ".md") {
        let markdown = std::fs::read_to_string(&page).unwrap_or_default();
        let words = markdown.split_whitespace().count();
        // The box comes right after the title: nothing but blank lines between them.
        let after_title = markdown.split_once('\n').map_or("", |(_, rest)| rest);
        let opens_with_box = after_title
            .trim_start()
            .starts_with("<div class=\"in-brief\">");
        if words > LONG_PAGE_WORDS && !opens_with_box {
            missing.push(format!("{} ({words} words)", relative(&page)));
        }
    }
    assert!(
        missing.is_empty(),
        "pages over {LONG_PAGE_WORDS} words without an \"in brief\" box right under the title \
         (`<div class=\"in-brief\">`, then a blank line, `**In brief.** ...`):\n{}",
        missing.join("\n")
    );
}
