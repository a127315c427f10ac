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

/// `GilPolicy` for one of chapter 2's GILs: its name, its switching rule (the GIL's own `choose`
/// method, which the exercise writes) and the notes it keeps in its `notes` field. One impl,
/// written once for both GILs.
macro_rules! gil_policy {
    ($gil:ty, |$this:ident| $name:expr) => {
        impl ::support::sim::GilPolicy for $gil {
            fn name(&self) -> String {
                let $this = self;
                $name
            }

            fn choose(
                &mut self,
                view: &::support::sim::LockView<'_>,
            ) -> Option<::support::sim::ThreadId> {
                // The inherent method, in the exercise's file: it comes first in name lookup.
                <$gil>::choose(self, view)
            }

            fn take_notes(&mut self) -> Vec<::support::sim::Note> {
                self.notes.take()
            }
        }
    };
}
pub(crate) use gil_policy;
