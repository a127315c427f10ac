//! The book's quizzes (mdbook-quiz TOML files under src/): every file parses, every question has
//! a stable id, a prompt, an answer and an explanation, and every quiz is used by a page.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{files_below, relative, root};
use toml::{Table, Value};

/// The question types mdbook-quiz 0.5 knows.
const TYPES: [&str; 3] = ["MultipleChoice", "ShortAnswer", "Tracing"];

fn quiz_files() -> Vec<PathBuf> {
    files_below(&root().join("src"), ".toml")
        .into_iter()
        // mdbook-quiz copies its own assets into src/quiz/ at build time; they are not quizzes.
        .filter(|file| !file.starts_with(root().join("src/quiz")))
        .collect()
}

fn parse(file: &Path) -> Table {
    let text = std::fs::read_to_string(file)
        .unwrap_or_else(|error| panic!("{}: cannot be read: {error}", relative(file)));
    text.parse::<Table>()
        .unwrap_or_else(|error| panic!("{}: not valid TOML: {error}", relative(file)))
}

/// A string at `path` (dotted keys, as the TOML writes them), if it is a non-blank string.
fn text_at<'a>(question: &'a Table, path: &str) -> Option<&'a str> {
    let mut value: Option<&Value> = None;
    for key in path.split('.') {
        value = match value {
            None => question.get(key),
            Some(value) => value.as_table()?.get(key),
        };
    }
    value?.as_str().filter(|text| !text.trim().is_empty())
}

fn value_at<'a>(question: &'a Table, path: &str) -> Option<&'a Value> {
    let (first, rest) = path.split_once('.')?;
    question.get(first)?.as_table()?.get(rest)
}

fn non_blank_strings(value: Option<&Value>) -> Option<usize> {
    let items = value?.as_array()?;
    items
        .iter()
        .all(|item| item.as_str().is_some_and(|text| !text.trim().is_empty()))
        .then_some(items.len())
}

/// What is wrong with one question, if anything.
fn problems_of(question: &Table) -> Vec<&'static str> {
    let mut problems = Vec::new();
    let kind = question.get("type").and_then(Value::as_str).unwrap_or("");
    if !TYPES.contains(&kind) {
        problems.push("`type` is not one of MultipleChoice, ShortAnswer, Tracing");
    }
    if text_at(question, "id").is_none() {
        problems.push("no `id` (run `mdbook build` once: mdbook-quiz writes it; commit it)");
    }
    if kind == "Tracing" {
        if text_at(question, "prompt.program").is_none() {
            problems.push("no `prompt.program`");
        }
        if value_at(question, "answer.doesCompile")
            .and_then(Value::as_bool)
            .is_none()
        {
            problems.push("no `answer.doesCompile`");
        }
    } else if text_at(question, "prompt.prompt").is_none() {
        problems.push("no `prompt.prompt`");
    }
    match kind {
        "MultipleChoice" => {
            let answers = value_at(question, "answer.answer");
            let has_answer = answers
                .and_then(Value::as_str)
                .is_some_and(|text| !text.trim().is_empty())
                || non_blank_strings(answers).is_some_and(|count| count > 0);
            if !has_answer {
                problems.push("no `answer.answer`");
            }
            let distractors = non_blank_strings(value_at(question, "prompt.distractors"));
            if distractors.unwrap_or(0) == 0 {
                problems.push("no `prompt.distractors` (a multiple choice needs wrong options)");
            }
        }
        "ShortAnswer" if text_at(question, "answer.answer").is_none() => {
            problems.push("no `answer.answer`");
        }
        _ => {}
    }
    if text_at(question, "context").is_none() {
        problems.push("no `context`: every answer needs an explanation of why");
    }
    problems
}

#[test]
fn every_quiz_parses_and_every_question_has_an_answer_and_an_explanation() {
    let files = quiz_files();
    assert!(!files.is_empty(), "no quiz files under src/");
    let mut problems = Vec::new();
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    for file in &files {
        let quiz = parse(file);
        let questions = quiz.get("questions").and_then(Value::as_array);
        let Some(questions) = questions.filter(|questions| !questions.is_empty()) else {
            problems.push(format!("{}: no [[questions]]", relative(file)));
            continue;
        };
        for (index, question) in questions.iter().enumerate() {
            let place = format!("{} question {}", relative(file), index + 1);
            let Some(question) = question.as_table() else {
                problems.push(format!("{place}: not a table"));
                continue;
            };
            for problem in problems_of(question) {
                problems.push(format!("{place}: {problem}"));
            }
            if let Some(id) = text_at(question, "id")
                && let Some(first) = ids.insert(id.to_owned(), place.clone())
            {
                problems.push(format!("{place}: id {id} is also used by {first}"));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn every_quiz_is_used_by_a_page_and_every_page_finds_its_quiz() {
    let mut used = Vec::new();
    let mut problems = Vec::new();
    for page in files_below(&root().join("src"), ".md") {
        let markdown = std::fs::read_to_string(&page).unwrap_or_default();
        for directive in markdown.split("{{#quiz ").skip(1) {
            let Some((target, _)) = directive.split_once("}}") else {
                problems.push(format!("{}: an unclosed {{{{#quiz", relative(&page)));
                continue;
            };
            let quiz = page.parent().unwrap().join(target.trim());
            match quiz.canonicalize() {
                Ok(quiz) => used.push(quiz),
                Err(_) => problems.push(format!(
                    "{}: {{{{#quiz {}}}}} names a file that does not exist",
                    relative(&page),
                    target.trim()
                )),
            }
        }
    }
    for quiz in quiz_files() {
        if !used.contains(&quiz.canonicalize().unwrap()) {
            problems.push(format!("{}: no page shows this quiz", relative(&quiz)));
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

/// The folder of the page that shows `quiz` (links in its explanations are relative to it).
fn folder_of_the_page_showing(quiz: &Path) -> PathBuf {
    let quiz = quiz.canonicalize().unwrap();
    files_below(&root().join("src"), ".md")
        .into_iter()
        .find(|page| {
            let markdown = std::fs::read_to_string(page).unwrap_or_default();
            markdown.split("{{#quiz ").skip(1).any(|directive| {
                let target = directive.split("}}").next().unwrap_or_default().trim();
                page.parent().unwrap().join(target).canonicalize().ok() == Some(quiz.clone())
            })
        })
        .map_or_else(
            || quiz.parent().unwrap().to_owned(),
            |page| page.parent().unwrap().to_owned(),
        )
}

/// The book pages a question's explanation links to (Markdown links ending in `.html`, relative to
/// the page that shows the quiz), as source files under src/.
fn linked_pages(quiz: &Path, context: &str) -> Vec<Result<PathBuf, String>> {
    let folder = folder_of_the_page_showing(quiz);
    context
        .split("](")
        .skip(1)
        .filter_map(|rest| rest.split_once(')').map(|(target, _)| target))
        .filter(|target| !target.starts_with("http"))
        .map(|target| {
            let page = target.split('#').next().unwrap_or_default();
            let Some(stem) = page.strip_suffix(".html") else {
                return Err(format!(
                    "links `{target}`: a page of the book ends in .html"
                ));
            };
            let source = folder.join(format!("{stem}.md"));
            if source.is_file() {
                Ok(source)
            } else {
                Err(format!(
                    "links `{target}`, but there is no page {}",
                    relative(&source)
                ))
            }
        })
        .collect()
}

#[test]
fn every_answer_points_at_a_page_of_the_book_that_states_it() {
    let mut problems = Vec::new();
    for file in quiz_files() {
        let quiz = parse(&file);
        let questions = quiz.get("questions").and_then(Value::as_array).cloned();
        for (index, question) in questions.unwrap_or_default().iter().enumerate() {
            let place = format!("{} question {}", relative(&file), index + 1);
            let context = question
                .get("context")
                .and_then(Value::as_str)
                .unwrap_or("");
            let links = linked_pages(&file, context);
            for link in &links {
                if let Err(problem) = link {
                    problems.push(format!("{place}: {problem}"));
                }
            }
            // The interview chapter's model answers cite primary sources; every other chapter's
            // quiz sends the reader back to the page that explains the answer.
            let interview = file.starts_with(root().join("src/ch08"));
            if !interview && !links.iter().any(Result::is_ok) {
                problems.push(format!(
                    "{place}: the explanation links no page of the book (add `[title](page.html)`)"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

/// How many questions each chapter's quizzes hold, by chapter folder (`ch01`, ...).
fn questions_per_chapter() -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for file in quiz_files() {
        let chapter = file
            .strip_prefix(root().join("src"))
            .unwrap()
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .into_owned();
        let questions = parse(&file)
            .get("questions")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        *counts.entry(chapter).or_insert(0) += questions;
    }
    counts
}

#[test]
fn every_chapter_ends_with_a_quiz_of_five_questions_or_more_seventy_in_all() {
    let counts = questions_per_chapter();
    let short: Vec<String> = (1..=7)
        .map(|chapter| format!("ch{chapter:02}"))
        .filter(|chapter| counts.get(chapter).copied().unwrap_or(0) < 5)
        .map(|chapter| format!("{chapter}: {}", counts.get(&chapter).copied().unwrap_or(0)))
        .collect();
    assert!(
        short.is_empty(),
        "chapters whose quiz has fewer than 5 questions: {short:?}"
    );
    let total: usize = counts.values().sum();
    assert!(
        total >= 70,
        "the book has {total} quiz questions ({counts:?}); issue 14 asks for at least 70"
    );
}

#[test]
fn the_interview_chapter_has_at_least_thirty_questions() {
    let count: usize = quiz_files()
        .iter()
        .filter(|file| file.starts_with(root().join("src/ch08")))
        .map(|file| {
            parse(file)
                .get("questions")
                .and_then(Value::as_array)
                .map_or(0, Vec::len)
        })
        .sum();
    assert!(
        count >= 30,
        "chapter 8 has {count} quiz questions; DESIGN.md asks for at least 30"
    );
}
