//! What the learner has done, saved in `.learn/progress.json` under each exercise's stable key.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::catalog::Exercise;
use crate::starters::Starters;

/// Where an exercise stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Its file is still the starter code.
    NotStarted,
    /// Changed since its tests last ran: nobody knows yet whether it passes.
    Unchecked,
    /// Its tests failed with exactly the code in the file now.
    Failing,
    /// Its tests passed with exactly the code in the file now.
    Done,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "not started",
            Status::Unchecked => "not checked",
            Status::Failing => "failing",
            Status::Done => "done",
        }
    }
}

/// One exercise's saved state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The code that last passed the tests, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passed_with: Option<String>,
    /// The code that last failed them, if any: a file edited since is "not checked", never
    /// "failing", so the list cannot call a passing exercise failing because it was run by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failed_with: Option<String>,
    /// How many hints the learner has seen.
    #[serde(default)]
    pub hints_seen: usize,
}

impl Record {
    pub fn passed(&mut self, code: String) {
        self.passed_with = Some(code);
        self.failed_with = None;
    }

    pub fn failed(&mut self, code: String) {
        self.failed_with = Some(code);
        self.passed_with = None;
    }
}

/// Everything saved, keyed by exercise key (never by number or file name, which may change).
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Progress {
    #[serde(default)]
    pub exercises: BTreeMap<String, Record>,
    /// The key of the exercise the learner opened last through the runner, and when (seconds
    /// since 1970): where `watch`, `run` and `hint` start when no exercise is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<(String, u64)>,
    #[serde(skip)]
    path: PathBuf,
}

impl Progress {
    pub fn load(root: &Path) -> Self {
        let path = root.join(".learn/progress.json");
        let mut progress: Progress = std::fs::read_to_string(&path)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default();
        progress.path = path;
        progress
    }

    /// Saves atomically: a crash mid-write never leaves a broken file behind.
    pub fn save(&self) -> std::io::Result<()> {
        if let Some(folder) = self.path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        let temporary = self.path.with_extension("json.tmp");
        std::fs::write(
            &temporary,
            serde_json::to_string_pretty(self).unwrap_or_default(),
        )?;
        std::fs::rename(temporary, &self.path)
    }

    pub fn record(&mut self, exercise: &Exercise) -> &mut Record {
        self.exercises.entry(exercise.key.clone()).or_default()
    }

    /// Where `exercise` stands, given the code in its file now.
    pub fn status(&self, exercise: &Exercise, code_now: &str, starters: &Starters) -> Status {
        let record = self.exercises.get(&exercise.key);
        let passed_with = record.and_then(|record| record.passed_with.as_deref());
        let failed_with = record.and_then(|record| record.failed_with.as_deref());
        if passed_with == Some(code_now) {
            Status::Done
        } else if starters.get(&exercise.file).map(String::as_str) == Some(code_now) {
            Status::NotStarted
        } else if failed_with == Some(code_now) {
            Status::Failing
        } else {
            Status::Unchecked
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn exercise(key: &str) -> Exercise {
        crate::catalog::parse(
            "chapter1",
            Path::new("exercises/chapter1/src/01_global_lock.rs"),
            &format!("//! Exercise 1.1: a lock.\n//! Key: {key}\n"),
        )
        .unwrap()
    }

    #[test]
    fn status_follows_the_code_in_the_file() {
        let lock = exercise("chapter1/global_lock");
        let mut starters = Starters::new();
        starters.insert(lock.file.clone(), "todo".into());
        let mut progress = Progress::default();
        let statuses = |progress: &Progress, codes: &[&str]| -> Vec<Status> {
            codes
                .iter()
                .map(|code| progress.status(&lock, code, &starters))
                .collect()
        };
        assert_eq!(
            statuses(&progress, &["todo", "attempt"]),
            [Status::NotStarted, Status::Unchecked]
        );
        progress.record(&lock).failed_with = Some("attempt".into());
        assert_eq!(statuses(&progress, &["attempt"]), [Status::Failing]);
        progress.record(&lock).passed_with = Some("attempt, fixed".into());
        // Edited after a pass or a failure: not known until the tests run again.
        assert_eq!(
            statuses(&progress, &["attempt, fixed", "attempt, edited"]),
            [Status::Done, Status::Unchecked]
        );
    }

    #[test]
    fn progress_survives_a_save_and_a_renumbering() {
        let folder = std::env::temp_dir().join(format!("learn-progress-{}", std::process::id()));
        let mut progress = Progress::load(&folder);
        progress
            .record(&exercise("chapter1/global_lock"))
            .hints_seen = 2;
        progress.save().unwrap();
        let reloaded = Progress::load(&folder);
        // The same key, whatever the number or file: the record is found.
        assert_eq!(reloaded.exercises["chapter1/global_lock"].hints_seen, 2);
        std::fs::remove_dir_all(folder).unwrap();
    }
}
