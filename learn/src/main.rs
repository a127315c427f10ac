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
    /// Every exercise and where you stand.
    List,
    /// Run the tests of the next unfinished exercise.
    Next,
    /// Run the tests of one exercise (by number, e.g. 1.2).
    Run { exercise: String },
    /// Re-run the current exercise whenever you save. Keys: n next, h hint, r run, l list, q quit.
    Watch,
    /// Show the next hint, one at a time (for the current exercise if none is named).
    Hint { exercise: Option<String> },
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
            list(&course);
            println!();
            next(&mut course)
        }
        Some(Command::List) => {
            list(&course);
            Ok(true)
        }
        Some(Command::Next) => next(&mut course),
        Some(Command::Run { exercise }) => {
            let index = course.find(&exercise)?;
            run(&mut course, index)
        }
        Some(Command::Watch) => watch::watch(&mut course).map(|()| true),
        Some(Command::Hint { exercise }) => {
            let index = match exercise {
                Some(query) => course.find(&query)?,
                None => course
                    .current()
                    .ok_or("every exercise is done: no hint needed")?,
            };
            println!("{}", ui::wrap_paragraphs(&course.next_hint(index)));
            Ok(true)
        }
        Some(Command::Solution { exercise, yes }) => solution(&course, &exercise, yes),
        Some(Command::Reset { exercise, yes }) => reset(&course, &exercise, yes),
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

fn list(course: &Course) {
    let current = course.current();
    let mut chapter = String::new();
    println!(
        "{}",
        ui::progress_bar(course.done_count(), course.exercises.len())
    );
    for (index, exercise) in course.exercises.iter().enumerate() {
        if exercise.package != chapter {
            chapter.clone_from(&exercise.package);
            println!("\n{chapter}");
        }
        println!(
            "{}",
            ui::exercise_line(exercise, course.status(exercise), current == Some(index))
        );
    }
}

fn next(course: &mut Course) -> Result<bool, String> {
    match course.current() {
        Some(index) => run(course, index),
        None => {
            println!("Every exercise is done. Well played!");
            Ok(true)
        }
    }
}

fn run(course: &mut Course, index: usize) -> Result<bool, String> {
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

fn reset(course: &Course, query: &str, yes: bool) -> Result<bool, String> {
    let exercise = &course.exercises[course.find(query)?];
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
