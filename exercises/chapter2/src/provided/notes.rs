//! Provided for exercises 2.3 and 2.4: what a GIL policy writes on the timeline.

use support::sim::{Note, ThreadId, Tick};

/// The notes a policy has made since the scheduler last took them (`GilPolicy::take_notes`).
#[derive(Clone, Debug, Default)]
pub struct Notes(Vec<Note>);

impl Notes {
    /// Draws `text` on the timeline at `at`, on `thread`'s row.
    pub fn add(&mut self, at: Tick, thread: ThreadId, text: impl Into<String>) {
        let text = text.into();
        self.0.push(Note {
            at,
            thread: Some(thread),
            text,
        });
    }

    /// Every note made since the last call, for the scheduler to draw.
    pub fn take(&mut self) -> Vec<Note> {
        std::mem::take(&mut self.0)
    }
}
