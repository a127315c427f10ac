//! The course as the learner sees it: the exercises, their starter code, and the saved progress.

use std::path::{Path, PathBuf};

use crate::catalog::{self, Exercise};
use crate::progress::{Progress, Status};
use crate::runner::{Ending, Outcome};
use crate::starters::{self, Starters};

pub struct Course {
    pub root: PathBuf,
    pub exercises: Vec<Exercise>,
    pub starters: Starters,
    pub progress: Progress,
}

impl Course {
    /// Finds the repository from the current folder (or any folder inside it) and loads it.
    pub fn open() -> Result<Self, String> {
        let here = std::env::current_dir().map_err(|error| error.to_string())?;
        let root = here
            .ancestors()
            .find(|folder| folder.join(starters::BUNDLE).is_file() && folder.join("exercises").is_dir())
            .ok_or("run this from inside the book's repository (no exercises/ folder found above here)")?
            .to_path_buf();
        Self::load(&root)
    }

    pub fn load(root: &Path) -> Result<Self, String> {
        Ok(Self {
            exercises: catalog::load(root)?,
            starters: starters::load(root)?,
            progress: Progress::load(root),
            root: root.to_path_buf(),
        })
    }

    /// The code in an exercise's file now.
    pub fn code(&self, exercise: &Exercise) -> String {
        std::fs::read_to_string(self.root.join(&exercise.file)).unwrap_or_default()
    }

    pub fn status(&self, exercise: &Exercise) -> Status {
        self.progress
            .status(exercise, &self.code(exercise), &self.starters)
    }

    /// The first exercise, in book order, that is not done (`None` when all are).
    pub fn current(&self) -> Option<usize> {
        self.exercises
            .iter()
            .position(|exercise| self.status(exercise) != Status::Done)
    }

    /// The next unfinished exercise after `index`, wrapping around to the start.
    pub fn next_after(&self, index: usize) -> Option<usize> {
        let count = self.exercises.len();
        (1..=count)
            .map(|step| (index + step) % count)
            .find(|&candidate| self.status(&self.exercises[candidate]) != Status::Done)
    }

    /// The exercise a learner named by number ("1.2") or key.
    pub fn find(&self, query: &str) -> Result<usize, String> {
        self.exercises
            .iter()
            .position(|exercise| exercise.is_named(query))
            .ok_or_else(|| format!("no exercise {query}: `learn list` shows them all"))
    }

    pub fn done_count(&self) -> usize {
        self.exercises
            .iter()
            .filter(|exercise| self.status(exercise) == Status::Done)
            .count()
    }

    /// Remembers a run: a pass records the code that passed.
    pub fn record(&mut self, index: usize, outcome: &Outcome) {
        let exercise = self.exercises[index].clone();
        let code = self.code(&exercise);
        let record = self.progress.record(&exercise);
        match outcome.ending {
            Ending::Passed => record.passed_with = Some(code),
            Ending::Failed | Ending::CompileError => record.passed_with = None,
            Ending::NoTests | Ending::Stopped | Ending::TimedOut => return,
        }
        self.save();
    }

    pub fn save(&self) {
        if let Err(error) = self.progress.save() {
            eprintln!("warning: could not save progress in .learn/: {error}");
        }
    }

    /// The hints of an exercise, from its book page.
    pub fn hints(&self, exercise: &Exercise) -> Vec<String> {
        let page = std::fs::read_to_string(self.root.join(&exercise.page)).unwrap_or_default();
        crate::hints::for_exercise(&page, &exercise.number)
    }

    /// The next hint not seen yet (or the last one again), as "Hint k/n" and its text.
    pub fn next_hint(&mut self, index: usize) -> String {
        let exercise = self.exercises[index].clone();
        let hints = self.hints(&exercise);
        if hints.is_empty() {
            return format!(
                "Exercise {} has no hints; read {}.",
                exercise.number, exercise.page
            );
        }
        let record = self.progress.record(&exercise);
        let shown = record.hints_seen.min(hints.len() - 1);
        record.hints_seen = (shown + 1).min(hints.len());
        self.save();
        let mut text = format!(
            "Hint {}/{} for exercise {}:\n\n{}\n",
            shown + 1,
            hints.len(),
            exercise.number,
            hints[shown]
        );
        if shown + 1 == hints.len() {
            text.push_str(&format!(
                "\nThat was the last hint. `cargo run -p learn -- solution {}` shows the reference solution.\n",
                exercise.number
            ));
        }
        text
    }
}
