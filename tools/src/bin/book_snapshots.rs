//! An mdBook preprocessor (`[preprocessor.snapshots]` in book.toml): `{{#snapshot PATH}}` puts
//! an answer-key snapshot into a page without insta's header (the `---` ... `---` lines).
//!
//! Why not `{{#include PATH:5:}}`: that counts the header's lines, and insta's header grows when
//! a snapshot gets metadata (`info:`, `description:`, a longer `expression:`); the page would
//! then show header lines, or lose answer lines, without any error. `{{#snapshot PATH:N:}}`
//! starts at line N of the answer itself (to leave out a table's heading, say).
//!
//! PATH is relative to the page, as with `{{#include}}`.

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use serde_json::Value;

const OPEN: &str = "{{#snapshot ";

fn main() -> ExitCode {
    // mdBook first asks whether a renderer is supported: every renderer is.
    if std::env::args().nth(1).as_deref() == Some("supports") {
        return ExitCode::SUCCESS;
    }
    let mut input = String::new();
    if let Err(error) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("book_snapshots: cannot read the book from mdBook: {error}");
        return ExitCode::FAILURE;
    }
    match run(&input) {
        Ok(book) => {
            println!("{book}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("book_snapshots: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Takes mdBook's `[context, book]` and returns the book with every snapshot put in.
fn run(input: &str) -> Result<String, String> {
    let [context, mut book]: [Value; 2] = serde_json::from_str(input)
        .map_err(|error| format!("mdBook sent something unexpected: {error}"))?;
    let root = context["root"].as_str().unwrap_or(".");
    let src = context["config"]["book"]["src"].as_str().unwrap_or("src");
    let source_dir = Path::new(root).join(src);
    let mut problems = Vec::new();
    fill_chapters(&mut book, &source_dir, &mut problems);
    if problems.is_empty() {
        Ok(book.to_string())
    } else {
        Err(problems.join("\n"))
    }
}

/// Every chapter is an object with a `content` and a `path`, at any depth of the book.
fn fill_chapters(value: &mut Value, source_dir: &Path, problems: &mut Vec<String>) {
    match value {
        Value::Object(object) => {
            let page = object
                .get("path")
                .and_then(Value::as_str)
                .map(str::to_owned);
            if let (Some(page), Some(Value::String(content))) = (page, object.get_mut("content"))
                && content.contains(OPEN)
            {
                let page_dir = source_dir.join(&page);
                let page_dir = page_dir.parent().unwrap_or(source_dir);
                match fill(content, |path| std::fs::read_to_string(page_dir.join(path))) {
                    Ok(filled) => *content = filled,
                    Err(why) => problems.push(format!("{page}: {why}")),
                }
            }
            for child in object.values_mut() {
                fill_chapters(child, source_dir, problems);
            }
        }
        Value::Array(items) => {
            for item in items {
                fill_chapters(item, source_dir, problems);
            }
        }
        _ => {}
    }
}

/// Replaces every `{{#snapshot PATH}}` or `{{#snapshot PATH:N:}}` in `content`.
fn fill(content: &str, read: impl Fn(&str) -> std::io::Result<String>) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = content;
    while let Some(start) = rest.find(OPEN) {
        out.push_str(&rest[..start]);
        let after = &rest[start + OPEN.len()..];
        let end = after
            .find("}}")
            .ok_or("a `{{#snapshot` without its closing `}}`")?;
        let argument = after[..end].trim();
        let (path, first_line) = match argument.strip_suffix(':').and_then(|a| a.rsplit_once(':')) {
            Some((path, line)) => (
                path,
                line.parse::<usize>()
                    .map_err(|_| format!("{argument}: the line after `:` is a number"))?,
            ),
            None => (argument, 1),
        };
        let snapshot = read(path).map_err(|error| format!("cannot read {path}: {error}"))?;
        let answer = without_header(&snapshot).ok_or_else(|| {
            format!("{path} does not start with insta's header (`---` ... `---`)")
        })?;
        let lines: Vec<&str> = answer.lines().skip(first_line.saturating_sub(1)).collect();
        out.push_str(&lines.join("\n"));
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The snapshot after its header: insta writes `---`, metadata lines, `---`.
fn without_header(snapshot: &str) -> Option<&str> {
    let body = snapshot.strip_prefix("---\n")?;
    let end = body.find("\n---\n")?;
    Some(&body[end + "\n---\n".len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    const SNAPSHOT: &str = "---\nsource: exercises/chapter3/tests/exercises/ex05_amdahl.rs\nexpression: table\ninfo: grows\n---\nheading\nrow 1\nrow 2\n";

    #[test]
    fn the_header_is_left_out_whatever_its_length() {
        let page = "before\n```text\n{{#snapshot x.snap}}\n```\nafter";
        let filled = fill(page, |_| Ok(SNAPSHOT.to_owned())).unwrap();
        assert_eq!(filled, "before\n```text\nheading\nrow 1\nrow 2\n```\nafter");
    }

    #[test]
    fn a_first_line_counts_within_the_answer() {
        let filled = fill("{{#snapshot x.snap:2:}}", |_| Ok(SNAPSHOT.to_owned())).unwrap();
        assert_eq!(filled, "row 1\nrow 2");
    }

    #[test]
    fn a_file_that_is_not_a_snapshot_is_an_error() {
        let error = fill("{{#snapshot x.snap}}", |_| Ok("no header".to_owned())).unwrap_err();
        assert!(error.contains("insta's header"), "{error}");
    }
}
