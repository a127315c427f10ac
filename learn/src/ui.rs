//! What the runner prints: everything fits an 80-column terminal.

use crate::catalog::Exercise;
use crate::course::Course;
use crate::progress::Status;
use crate::runner::{Ending, Outcome, command_line};

pub const WIDTH: usize = 80;

/// Wraps prose to the terminal's width (code and diffs are left as they are).
pub fn wrap(text: &str) -> String {
    // Break only at spaces: a file path split at its slashes could not be copied.
    let options = textwrap::Options::new(WIDTH).word_separator(textwrap::WordSeparator::AsciiSpace);
    textwrap::fill(text, options)
}

/// `[########............] 5/12 done`
pub fn progress_bar(done: usize, total: usize) -> String {
    const BAR: usize = 40;
    let filled = (done * BAR).checked_div(total).unwrap_or(0);
    format!(
        "[{}{}] {done}/{total} exercises done",
        "#".repeat(filled),
        ".".repeat(BAR - filled)
    )
}

/// One line per exercise: number, status, title, clipped to the width.
pub fn exercise_line(exercise: &Exercise, status: Status, current: bool) -> String {
    let pointer = if current { ">" } else { " " };
    let line = format!(
        "{pointer} {:<5} {:<12} {}",
        exercise.number,
        status.label(),
        exercise.title
    );
    clip(&line)
}

/// Where the learner stands, in at most 24 lines: the progress bar, one line per chapter, and
/// the exercises of one chapter (the `opened` exercise's) under it; `all` opens every chapter.
pub fn list(course: &Course, opened: Option<usize>, all: bool) -> String {
    let mut lines = vec![
        progress_bar(course.done_count(), course.exercises.len()),
        String::new(),
    ];
    let opened_package = opened.map(|index| course.exercises[index].group.as_str());
    let mut unchecked = 0;
    for package in course.chapters() {
        let in_chapter: Vec<(usize, &Exercise)> = course
            .exercises
            .iter()
            .enumerate()
            .filter(|(_, exercise)| exercise.group == package)
            .collect();
        let statuses: Vec<Status> = in_chapter
            .iter()
            .map(|(_, exercise)| course.status(exercise))
            .collect();
        let done = statuses
            .iter()
            .filter(|&&status| status == Status::Done)
            .count();
        unchecked += statuses
            .iter()
            .filter(|&&status| status == Status::Unchecked)
            .count();
        let is_open = all || opened_package == Some(package.as_str());
        let pointer = if opened_package == Some(package.as_str()) {
            ">"
        } else {
            " "
        };
        lines.push(clip(&format!(
            "{pointer} {package:<9} {done}/{} done  {}",
            in_chapter.len(),
            course.chapter_title(&package)
        )));
        if is_open {
            for ((index, exercise), status) in in_chapter.into_iter().zip(statuses) {
                let line = exercise_line(exercise, status, opened == Some(index));
                lines.push(clip(&format!("  {line}")));
            }
        }
    }
    lines.push(String::new());
    if unchecked > 0 {
        lines.push(format!(
            "{unchecked} not checked (edited since their last run): `cargo run -p learn -- check`"
        ));
    }
    if !all {
        lines
            .push("`cargo run -p learn -- list 5` opens chapter 5; `list --all` opens all.".into());
    }
    lines.join("\n") + "\n"
}

fn clip(line: &str) -> String {
    if line.chars().count() <= WIDTH {
        return line.to_owned();
    }
    let mut clipped: String = line.chars().take(WIDTH - 3).collect();
    clipped.push_str("...");
    clipped
}

/// The header naming the exercise, its file, its page and the command that checks it.
pub fn exercise_header(exercise: &Exercise) -> String {
    format!(
        "{}\nfile: {}\nread: {}\nrun:  {}\n",
        clip(&format!("Exercise {}: {}", exercise.number, exercise.title)),
        exercise.file.display(),
        exercise.page,
        command_line(exercise)
    )
}

/// A finished run, in the learner's terms.
pub fn outcome(exercise: &Exercise, outcome: &Outcome) -> String {
    let mut text = exercise_header(exercise);
    text.push('\n');
    match outcome.ending {
        Ending::Passed => {
            text.push_str(&format!("PASSED: exercise {} is done.\n", exercise.number))
        }
        Ending::Failed => {
            text.push_str(&format!(
                "FAILED: exercise {} is not done yet.\n\n",
                exercise.number
            ));
            text.push_str(&failure_details(&outcome.output));
        }
        Ending::CompileError => {
            text.push_str("DOES NOT COMPILE: the compiler says:\n\n");
            text.push_str(&compiler_errors(&outcome.output));
        }
        Ending::NoTests => text.push_str(&wrap(&format!(
            "NO TESTS RAN: no test module `{}` in exercises/{}/tests/exercises/main.rs. \
             This is a problem of the book, not of your code; please report it.",
            exercise.test_module, exercise.package
        ))),
        Ending::Stopped => text.push_str("STOPPED: the run was interrupted.\n"),
        Ending::TimedOut => text.push_str("TIMED OUT: the run took too long and was stopped.\n"),
    }
    text
}

/// What the failing tests printed: each test's messages and snapshot diffs, without insta's
/// bookkeeping lines and without repeating the same message.
fn failure_details(output: &str) -> String {
    let noise = [
        "Snapshot file:",
        "Snapshot:",
        "Source:",
        "Expression:",
        "Stopped on the first failure",
        "━━━",
    ];
    let mut details = Vec::new();
    for failure in crate::runner::failures(output) {
        details.push(format!("test {}:", failure.test));
        for line in failure
            .printed
            .iter()
            .filter(|line| !noise.iter().any(|prefix| line.starts_with(prefix)))
        {
            details.push(if line.starts_with("exercise ") {
                wrap(line)
            } else {
                line.clone()
            });
        }
    }
    if details.is_empty() {
        // No test failed: show how cargo ended instead (a crash, a missing binary, ...).
        let lines: Vec<&str> = output.lines().collect();
        details.push(lines[lines.len().saturating_sub(20)..].join("\n"));
    }
    details.join("\n") + "\n"
}

/// The compiler's errors (not its warnings), at most 40 lines.
fn compiler_errors(output: &str) -> String {
    let mut lines = Vec::new();
    let mut in_error = false;
    for line in output.lines() {
        if line.starts_with("error") {
            in_error = true;
        } else if line.starts_with("warning") {
            in_error = false;
        }
        if in_error {
            lines.push(line);
        }
    }
    lines.truncate(40);
    lines.join("\n") + "\n"
}

/// Wraps each paragraph of a hint to the terminal's width, leaving code blocks alone.
pub fn wrap_paragraphs(text: &str) -> String {
    let mut in_code = false;
    text.split("\n\n")
        .map(|paragraph| {
            if paragraph.trim_start().starts_with("```") {
                in_code = !paragraph.trim_end().ends_with("```") || paragraph.trim() == "```";
                return paragraph.to_owned();
            }
            if in_code {
                in_code = !paragraph.trim_end().ends_with("```");
                return paragraph.to_owned();
            }
            wrap(&paragraph.replace('\n', " "))
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_progress_bar_fits_and_counts() {
        let bar = progress_bar(5, 20);
        assert_eq!(
            bar,
            format!("[{}{}] 5/20 exercises done", "#".repeat(10), ".".repeat(30))
        );
        assert!(bar.len() <= WIDTH);
        assert!(progress_bar(0, 0).starts_with("[...."));
    }

    #[test]
    fn failures_keep_messages_and_diffs_and_drop_bookkeeping() {
        let output = "\
---- ex03_taking_turns::a_lone_thread_keeps_the_gil stdout ----
━━━━━━━━━━━━━━━━ Snapshot Summary ━━━━━━━━━━━━━━━━
Snapshot file: exercises/chapter1/tests/exercises/snapshots/x.snap
-old snapshot
+new results
    3       │-T1 |==========|
          3 │+T1 |=.=.=.=.=.=.=.=.=.=|
Stopped on the first failure.
exercise 1.3: your output differs from the answer key shown above.

failures:
    ex03_taking_turns::a_lone_thread_keeps_the_gil
";
        let details = failure_details(output);
        assert!(details.contains("test ex03_taking_turns::a_lone_thread_keeps_the_gil:"));
        assert!(details.contains("│-T1 |==========|"));
        assert!(details.contains("exercise 1.3: your output differs"));
        assert!(!details.contains("Snapshot file:"));
        assert!(!details.contains("Stopped on the first failure"));
    }
}
