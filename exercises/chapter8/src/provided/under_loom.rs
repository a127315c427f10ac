//! Provided: drills 8.1 to 8.8 compiled a second time, against loom's types, so that the tests
//! can run loom's model checker over every interleaving of a small run.

/// Declares the module `under_loom`: drills 8.1 to 8.8 again, each file compiled a second time
/// inside a module whose `sync` is loom's ([`crate::sync::loom`]). Each drill file says
/// `use super::sync::...`: in the crate that is `crate::sync`, in `under_loom` it is loom's.
///
/// A macro, called in each crate's `lib.rs`, so that the one list serves both crates and each
/// finds its own drill files: the learner's in `chapter8`, the reference solutions in
/// `chapter8-solution`.
macro_rules! declare {
    () => {
        /// Drills 8.1 to 8.8 compiled against loom's types, for the tests' loom models.
        // `path = "."`: the drill files are found beside `lib.rs`, not in a folder
        // `under_loom/`. Compiling each file twice, against two sets of types, is the point.
        #[path = "."]
        #[allow(clippy::duplicate_mod)]
        pub mod under_loom {
            pub mod sync {
                pub use crate::sync::loom::{Arc, Condvar, Mutex, MutexGuard, mpsc, thread};
            }

            #[path = "01_in_order.rs"]
            pub mod in_order;
            #[path = "02_foo_bar.rs"]
            pub mod foo_bar;
            #[path = "03_zero_even_odd.rs"]
            pub mod zero_even_odd;
            #[path = "04_h2o.rs"]
            pub mod h2o;
            #[path = "05_fizz_buzz.rs"]
            pub mod fizz_buzz;
            #[path = "06_dining_philosophers.rs"]
            pub mod dining_philosophers;
            #[path = "07_bounded_queue.rs"]
            pub mod bounded_queue;
            #[path = "08_thread_pool.rs"]
            pub mod thread_pool;
        }
    };
}
pub(crate) use declare;
