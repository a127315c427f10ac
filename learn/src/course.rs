//! The course as the learner sees it: the exercises, their starter code, and the saved progress.

use std::collections::BTreeMap;
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
            .ok_or_else(|| {
                format!("no exercise {query}: `cargo run -p learn -- list --all` shows them all")
            })
    }

    /// Where to start when the learner names an exercise ("3.2"), a chapter ("3" or
    /// "chapter3"), or nothing: then where they are (see [`Course::where_you_are`]).
    pub fn resolve(&self, target: Option<&str>) -> Result<Option<usize>, String> {
        let Some(query) = target else {
            return Ok(self.where_you_are());
        };
        if let Some(package) = chapter_package(query) {
            let in_chapter: Vec<usize> = (0..self.exercises.len())
                .filter(|&index| self.exercises[index].group == package)
                .collect();
            let first = *in_chapter.first().ok_or_else(|| {
                format!(
                    "no chapter {query}: the chapters are 1 to {}",
                    self.chapters().len()
                )
            })?;
            let unfinished = in_chapter
                .iter()
                .copied()
                .find(|&index| self.status(&self.exercises[index]) != Status::Done);
            return Ok(Some(unfinished.unwrap_or(first)));
        }
        self.find(query).map(Some)
    }

    /// The exercise the learner worked on last (the one run or opened last by this runner, or
    /// the exercise file saved last, whichever is newer) while it is unfinished; else the first
    /// unfinished exercise of its chapter; else the first unfinished one of the book.
    pub fn where_you_are(&self) -> Option<usize> {
        let Some(last) = self.last_worked_on() else {
            return self.current();
        };
        let unfinished = |index: &usize| self.status(&self.exercises[*index]) != Status::Done;
        if unfinished(&last) {
            return Some(last);
        }
        let group = &self.exercises[last].group;
        (0..self.exercises.len())
            .filter(|&index| self.exercises[index].group == *group)
            .find(unfinished)
            .or_else(|| self.next_after(last))
    }

    fn last_worked_on(&self) -> Option<usize> {
        let opened = self.progress.last.as_ref().and_then(|(key, at)| {
            let index = self
                .exercises
                .iter()
                .position(|exercise| exercise.key == *key)?;
            Some((*at, index))
        });
        let saved = (0..self.exercises.len())
            .filter(|&index| self.status(&self.exercises[index]) != Status::NotStarted)
            .filter_map(|index| {
                let modified = std::fs::metadata(self.root.join(&self.exercises[index].file))
                    .and_then(|metadata| metadata.modified())
                    .ok()?;
                let seconds = modified
                    .duration_since(std::time::UNIX_EPOCH)
                    .ok()?
                    .as_secs();
                Some((seconds, index))
            })
            .max();
        opened.max(saved).map(|(_, index)| index)
    }

    /// Remembers that the learner is working on this exercise now.
    pub fn work_on(&mut self, index: usize) {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_secs());
        self.progress.last = Some((self.exercises[index].key.clone(), seconds));
        self.save();
    }

    /// The exercise crates in book order ("chapter1", "chapter2", ...).
    pub fn chapters(&self) -> Vec<String> {
        let mut chapters: Vec<String> = Vec::new();
        for exercise in &self.exercises {
            if !chapters.contains(&exercise.group) {
                chapters.push(exercise.group.clone());
            }
        }
        chapters
    }

    /// A chapter's subject, from its crate's description ("Chapter 3 exercises: the impact of
    /// a GIL on CPU-bound and I/O-bound work." gives "the impact of a GIL on ...").
    pub fn chapter_title(&self, package: &str) -> String {
        if let Some(package) = package.strip_suffix("py") {
            return format!(
                "{}'s drills in Python",
                package.replace("chapter", "chapter ")
            );
        }
        let manifest =
            std::fs::read_to_string(self.root.join("exercises").join(package).join("Cargo.toml"))
                .unwrap_or_default();
        manifest
            .lines()
            .find_map(|line| line.strip_prefix("description = \""))
            .map(|description| {
                let description = description.trim_end_matches('"').trim_end_matches('.');
                description
                    .split_once(": ")
                    .map_or(description, |(_, subject)| subject)
                    .to_owned()
            })
            .unwrap_or_default()
    }

    /// The exercise whose file is `path` (absolute, or relative to the repository root).
    pub fn exercise_of_file(&self, path: &Path) -> Option<usize> {
        let path = path.strip_prefix(&self.root).unwrap_or(path);
        self.exercises
            .iter()
            .position(|exercise| exercise.file == path)
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
            Ending::Passed => record.passed(code),
            Ending::Failed | Ending::CompileError => record.failed(code),
            Ending::NoTests | Ending::Stopped | Ending::TimedOut => return,
        }
        self.save();
    }

    /// Records a whole chapter's run: each exercise whose tests ran passed or failed.
    pub fn record_verdicts(&mut self, package: &str, verdicts: &BTreeMap<String, bool>) {
        for index in 0..self.exercises.len() {
            let exercise = self.exercises[index].clone();
            if exercise.group != package {
                continue;
            }
            let verdict = if exercise.python {
                &exercise.number
            } else {
                &exercise.test_module
            };
            let Some(&passed) = verdicts.get(verdict) else {
                continue;
            };
            let code = self.code(&exercise);
            let record = self.progress.record(&exercise);
            if passed {
                record.passed(code);
            } else {
                record.failed(code);
            }
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
        // The book names a Python drill "Exercise 8.2 (Python)"; the runner calls it 8.2py.
        let label = match exercise.number.strip_suffix("py") {
            Some(drill) if exercise.python => format!("{drill} (Python)"),
            _ => exercise.number.clone(),
        };
        crate::hints::for_exercise(&page, &label)
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
            "Hint {}/{} for exercise {}:\n\n{}\n\n(From {}.)\n",
            shown + 1,
            hints.len(),
            exercise.number,
            crate::terminal::render(&hints[shown], &exercise.page),
            exercise.page
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

/// The group a chapter query names: "3", "chapter3" or "ch3" give "chapter3"; "8py" gives
/// chapter 8's Python drills, "chapter8py".
fn chapter_package(query: &str) -> Option<String> {
    if let Some(chapter) = query.strip_suffix("py").and_then(chapter_package) {
        return Some(format!("{chapter}py"));
    }
    let number = query
        .strip_prefix("chapter")
        .or_else(|| query.strip_prefix("ch"))
        .unwrap_or(query);
    let number: u32 = number.parse().ok()?;
    Some(format!("chapter{number}"))
}

#[cfg(test)]
mod tests {
    use super::chapter_package;

    #[test]
    fn chapters_are_named_three_ways_and_exercises_are_not_chapters() {
        assert_eq!(chapter_package("3").as_deref(), Some("chapter3"));
        assert_eq!(chapter_package("chapter3").as_deref(), Some("chapter3"));
        assert_eq!(chapter_package("ch3").as_deref(), Some("chapter3"));
        assert_eq!(chapter_package("3.2"), None);
        assert_eq!(chapter_package("8py").as_deref(), Some("chapter8py"));
        assert_eq!(chapter_package("8.2py"), None);
        assert_eq!(chapter_package("chapter3/requests"), None);
    }
}
