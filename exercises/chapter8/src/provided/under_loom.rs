//! Provided: drills 8.1 to 8.8 compiled a second time, against loom's types, so that the tests
//! can run loom's model checker over every interleaving of a small run.

/// Declares the drill modules it is given twice: as they are, and again inside a module
/// `under_loom` whose `sync` is loom's ([`crate::sync::loom`]). Each drill file says
/// `use super::sync::...`: in the crate that is `crate::sync`, in `under_loom` it is loom's.
///
/// A macro around the module lines of each crate's `lib.rs`, so that the one list serves both
/// compilations and each crate finds its own drill files: the learner's in `chapter8`, the
/// reference solutions in `chapter8-solution`.
macro_rules! compiled_twice {
    ($($drill:item)*) => {
        $($drill)*

        /// Drills 8.1 to 8.8 compiled against loom's types, for the tests' loom models.
        // `path = "."`: the drill files are found beside `lib.rs`, not in a folder
        // `under_loom/`. Compiling each file twice, against two sets of types, is the point.
        #[path = "."]
        #[allow(clippy::duplicate_mod)]
        pub mod under_loom {
            pub mod sync {
                pub use crate::sync::loom::{Arc, Condvar, Mutex, MutexGuard, mpsc, thread};
            }

            $($drill)*
        }
    };
}
pub(crate) use compiled_twice;
