//! Each lab in the book starts on the picture beside it: for every `<div class="gil-lab">` in the
//! book, the lab's answer to its `data-scenario` must draw exactly the committed SVG named by its
//! `data-picture` (which `tests/pictures.rs` at the root checks against the native simulator).
//! The browser check (`.ci/browser/check.mjs`) then checks that the WebAssembly build gives the
//! same answer as this native one.

use std::path::{Path, PathBuf};

/// One lab of the book: the page it is on and its data attributes.
struct Lab {
    page: PathBuf,
    picture: String,
    scenario: String,
    question_scenario: String,
    question_figure: String,
}

fn attribute(tag: &str, name: &str) -> String {
    let start = format!("{name}=\"");
    let from = tag
        .find(&start)
        .unwrap_or_else(|| panic!("a gil-lab without {name}: {tag}"))
        + start.len();
    tag[from..][..tag[from..].find('"').unwrap()].to_owned()
}

fn labs() -> Vec<Lab> {
    let book = Path::new(env!("CARGO_MANIFEST_DIR")).join("../src");
    let mut labs = Vec::new();
    for chapter in std::fs::read_dir(&book).unwrap() {
        let chapter = chapter.unwrap().path();
        if !chapter.is_dir() {
            continue;
        }
        for page in std::fs::read_dir(&chapter).unwrap() {
            let page = page.unwrap().path();
            if page.extension().is_none_or(|ext| ext != "md") {
                continue;
            }
            let text = std::fs::read_to_string(&page).unwrap();
            for (at, _) in text.match_indices("<div class=\"gil-lab\"") {
                let tag = &text[at..][..text[at..].find('>').unwrap()];
                labs.push(Lab {
                    page: page.clone(),
                    picture: attribute(tag, "data-picture"),
                    scenario: attribute(tag, "data-scenario"),
                    question_scenario: attribute(tag, "data-question-scenario"),
                    question_figure: attribute(tag, "data-question-figure"),
                });
            }
        }
    }
    labs
}

#[test]
fn every_lab_starts_on_the_picture_beside_it() {
    let labs = labs();
    let pages: Vec<String> = labs
        .iter()
        .map(|lab| lab.page.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for chapter in [
        "03-taking-turns.md",
        "04-interval-gil.md",
        "06-mixed-work.md",
    ] {
        assert!(
            pages.iter().any(|page| page == chapter),
            "no lab on {chapter}: {pages:?}"
        );
    }
    for lab in labs {
        let answer = lab::run(&lab.scenario);
        let (figures, svg) = answer
            .split_once('\n')
            .unwrap_or_else(|| panic!("{}: the lab failed: {answer}", lab.page.display()));
        assert!(figures.starts_with("{\"total\":"), "{figures}");
        let picture = lab.page.parent().unwrap().join(&lab.picture);
        let committed = std::fs::read_to_string(&picture).unwrap();
        assert_eq!(
            format!("{svg}\n"),
            committed,
            "{}: the lab's first frame differs from {}",
            lab.page.display(),
            picture.display()
        );
        let question = lab::run(&lab.question_scenario);
        assert!(
            question.contains(&format!("\"{}\":", lab.question_figure)),
            "{}: the question's scenario gives no '{}': {question}",
            lab.page.display(),
            lab.question_figure
        );
    }
}

#[test]
fn every_policy_runs_and_the_figures_count_what_the_chapters_count() {
    let convoy = "policy interval 5|thread T1 python 50|thread T2 io 2 python 1 io 2 python 1";
    let lab = lab::parse(convoy).unwrap();
    let figures = lab::figures(&lab::simulate(&lab).unwrap());
    // T2 back from I/O waits a whole interval for the GIL (chapter 2's convoy effect).
    assert_eq!(figures.longest_wait_after_io, 5, "{figures:?}");
    assert_eq!(figures.most_running_python, 1, "{figures:?}");
    for policy in [
        "lock",
        "turns 3",
        "ticks 3",
        "interval 3",
        "processes 3",
        "free",
    ] {
        let text = format!("policy {policy}|thread T1 python 9 native 2|thread T2 python 4 io 3");
        let answer = lab::run(&text);
        assert!(answer.contains("<svg"), "{policy}: {answer}");
    }
    let free = lab::parse("policy free|thread T1 python 4|thread T2 python 4").unwrap();
    assert_eq!(
        lab::figures(&lab::simulate(&free).unwrap()).most_running_python,
        2
    );
}

#[test]
fn a_bad_scenario_is_a_sentence_not_a_panic() {
    for (text, says) in [
        ("policy turns 0|thread T1 python 3", "interval must be 1 to"),
        ("policy lock", "needs 1 to 8 threads"),
        (
            "policy lock|thread T1 python 999",
            "a step lasts 1 to 200 ticks",
        ),
        ("policy lock|thread T1 walk 3", "unknown step 'walk'"),
    ] {
        let answer = lab::run(text);
        assert!(
            answer.starts_with("{\"error\":") && answer.contains(says),
            "{text}: {answer}"
        );
    }
}
