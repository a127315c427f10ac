//! `cargo run -p learn`: the learner's companion to the book.
//!
//! It shows progress across all chapters, runs the next unfinished exercise, watches your files
//! and re-runs on save, gives hints one at a time, shows a solution when asked twice, and puts
//! an exercise's starter code back. Progress is saved in `.learn/progress.json` under stable
//! exercise keys, so renumbered or renamed exercises keep it.

use std::io::{BufRead, Write};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use clap::{Parser, Subcommand};

use learn::course::Course;
use learn::progress::Status;
use learn::runner::{self, Ending};
use learn::{ui, watch};

#[derive(Parser)]
#[command(
    name = "learn",
    about = "Work through The GIL, Hands-On: progress, the next exercise, watch mode, hints.",
    after_help = "Run it from the repository root: `cargo run -p learn -- <command>`.\n\
                  With no command it shows your progress and runs the next unfinished exercise."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Where you stand: every chapter on a line, the current one opened up.
    List {
        /// A chapter to open up (e.g. 3) instead of the current one.
        chapter: Option<String>,
        /// Every exercise of every chapter.
        #[arg(long)]
        all: bool,
    },
    /// Run the tests of the exercise you are on (or of an exercise or chapter: 3.2, 3).
    Next { target: Option<String> },
    /// Run the tests of an exercise (3.2), or of the first unfinished one of a chapter (3).
    Run { target: Option<String> },
    /// Re-run an exercise whenever you save it. Keys: n next, h hint, r run, l list, q quit.
    Watch {
        /// Where to start: an exercise (3.2) or a chapter (3); else where you left off.
        target: Option<String>,
    },
    /// Show the next hint, one at a time (for the exercise you are on if none is named).
    Hint { target: Option<String> },
    /// Run a chapter's tests once and record every exercise's result (all chapters with
    /// exercises changed since their last check, if none is named).
    Check { chapter: Option<String> },
    /// Show the reference solution of an exercise, after asking.
    Solution {
        exercise: String,
        /// Do not ask.
        #[arg(long)]
        yes: bool,
    },
    /// Put an exercise's starter code back (only that file), after asking.
    Reset {
        exercise: String,
        /// Do not ask.
        #[arg(long)]
        yes: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = Course::open().and_then(|mut course| match cli.command {
        None => {
            list(&course, None, false)?;
            println!();
            run_target(&mut course, None)
        }
        Some(Command::List { chapter, all }) => list(&course, chapter.as_deref(), all),
        Some(Command::Next { target }) | Some(Command::Run { target }) => {
            run_target(&mut course, target.as_deref())
        }
        Some(Command::Watch { target }) => {
            let start = course.resolve(target.as_deref())?;
            watch::watch(&mut course, start).map(|()| true)
        }
        Some(Command::Hint { target }) => {
            let index = course
                .resolve(target.as_deref())?
                .ok_or("every exercise is done: no hint needed")?;
            course.work_on(index);
            println!("{}", ui::wrap_paragraphs(&course.next_hint(index)));
            Ok(true)
        }
        Some(Command::Check { chapter }) => check(&mut course, chapter.as_deref()),
        Some(Command::Solution { exercise, yes }) => solution(&course, &exercise, yes),
        Some(Command::Reset { exercise, yes }) => reset(&mut course, &exercise, yes),
    });
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("{}", ui::wrap(&format!("learn: {error}")));
            ExitCode::from(2)
        }
    }
}

fn list(course: &Course, chapter: Option<&str>, all: bool) -> Result<bool, String> {
    let opened = match chapter {
        Some(query) => course.resolve(Some(query))?,
        None => course.where_you_are(),
    };
    print!("{}", ui::list(course, opened, all));
    Ok(true)
}

fn run_target(course: &mut Course, target: Option<&str>) -> Result<bool, String> {
    match course.resolve(target)? {
        Some(index) => run(course, index),
        None => {
            println!("Every exercise is done. Well played!");
            Ok(true)
        }
    }
}

fn run(course: &mut Course, index: usize) -> Result<bool, String> {
    course.work_on(index);
    let exercise = course.exercises[index].clone();
    println!("Running {} ...", runner::command_line(&exercise));
    let outcome = runner::run(&course.root, &exercise, &AtomicBool::new(false));
    course.record(index, &outcome);
    print!("\n{}", ui::outcome(&exercise, &outcome));
    if outcome.ending == Ending::Passed {
        println!(
            "\n{}",
            ui::progress_bar(course.done_count(), course.exercises.len())
        );
    }
    Ok(outcome.ending == Ending::Passed)
}

/// Runs whole chapters once, so that exercises passed with `cargo test -p chapterN` (or edited
/// since their last run) show what they really are.
fn check(course: &mut Course, chapter: Option<&str>) -> Result<bool, String> {
    let groups: Vec<String> = match chapter {
        Some(query) => {
            let index = course.resolve(Some(query))?.ok_or("no such chapter")?;
            vec![course.exercises[index].group.clone()]
        }
        None => course
            .chapters()
            .into_iter()
            .filter(|group| {
                course.exercises.iter().any(|exercise| {
                    exercise.group == *group && course.status(exercise) == Status::Unchecked
                })
            })
            .collect(),
    };
    if groups.is_empty() {
        println!("Nothing changed since the last check.");
    }
    let mut all_compiled = true;
    for group in &groups {
        let drills: Vec<String> = course
            .exercises
            .iter()
            .filter(|exercise| exercise.group == *group && exercise.python)
            .map(|exercise| exercise.number.clone())
            .collect();
        if !drills.is_empty() {
            println!(
                "Checking the Python drills: python3 exercises/chapter8/python/check.py all ..."
            );
            let outcome = runner::run_python(&course.root, "all", &AtomicBool::new(false));
            course.record_verdicts(group, &runner::python_verdicts(&outcome.output, &drills));
            continue;
        }
        let package = group;
        println!("Checking {package}: cargo test -p {package} ...");
        let outcome = runner::run_tests(&course.root, package, None, &AtomicBool::new(false));
        if outcome.ending == Ending::CompileError {
            all_compiled = false;
            println!(
                "{}",
                ui::wrap(&format!(
                    "{package} does not compile, so none of its exercises can be checked. \
                     `cargo test -p {package}` shows the compiler's message."
                ))
            );
            continue;
        }
        course.record_verdicts(package, &runner::verdicts(&outcome.output));
    }
    println!();
    let opened = groups
        .first()
        .and_then(|package| course.resolve(Some(package)).ok().flatten());
    print!(
        "{}",
        ui::list(course, opened.or(course.where_you_are()), false)
    );
    Ok(all_compiled)
}

fn solution(course: &Course, query: &str, yes: bool) -> Result<bool, String> {
    let exercise = &course.exercises[course.find(query)?];
    let question = format!(
        "Show the reference solution of exercise {}? It helps most after you have tried and read the hints.",
        exercise.number
    );
    if !yes && !confirm(&question)? {
        println!(
            "Not shown. `cargo run -p learn -- hint {}` gives a hint instead.",
            exercise.number
        );
        return Ok(true);
    }
    let file = exercise.solution_file();
    let code = std::fs::read_to_string(course.root.join(&file))
        .map_err(|error| format!("cannot read {}: {error}", file.display()))?;
    println!("{}\n", file.display());
    for line in code
        .lines()
        .filter(|line| !line.trim_start().starts_with("// ANCHOR"))
    {
        println!("{line}");
    }
    println!(
        "\nThe walkthrough is at the end of {} in the book.",
        exercise.page
    );
    Ok(true)
}

fn reset(course: &mut Course, query: &str, yes: bool) -> Result<bool, String> {
    let exercise = course.exercises[course.find(query)?].clone();
    let starter = course.starters.get(&exercise.file).ok_or_else(|| {
        format!(
            "no starter code is recorded for {}",
            exercise.file.display()
        )
    })?;
    let question = format!(
        "Put the starter code back in {}? Your changes to it will be lost.",
        exercise.file.display()
    );
    if !yes && !confirm(&question)? {
        println!("Nothing changed.");
        return Ok(true);
    }
    std::fs::write(course.root.join(&exercise.file), starter).map_err(|error| error.to_string())?;
    let index = course.find(query)?;
    course.work_on(index);
    println!(
        "Exercise {} is back to its starter code: {}",
        exercise.number,
        exercise.file.display()
    );
    Ok(true)
}

/// Asks a yes/no question; anything but "y" or "yes" is no.
fn confirm(question: &str) -> Result<bool, String> {
    print!("{} [y/N] ", ui::wrap(question));
    std::io::stdout()
        .flush()
        .map_err(|error| error.to_string())?;
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|error| error.to_string())?;
    Ok(matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"))
}
