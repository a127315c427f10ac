//! Exercise 2.5: releasing the GIL around blocking work.
//! Book: src/ch02/05-release.md
//!
//! Write `Attached::detach`: give the GIL back, run the blocking closure, take the GIL again.
//! Do it with a guard, `Released`: creating it gives the GIL back, dropping it takes the GIL
//! again, so that a panic inside the closure still leaves the caller holding the GIL, as
//! `Py_END_ALLOW_THREADS` and PyO3's `detach` guarantee. `Gil` and `Attached` are provided
//! (`provided/release.rs`), with `Gil::take` and `Gil::give_back`.
//!
//! The tests run two real threads that each do a Python step, a blocking call inside `detach`
//! and another Python step. They check that both threads are inside their blocking calls at
//! the same time (impossible unless the GIL is released: a hang there means it was not), never
//! both inside a Python step, that nobody holds the GIL while both block, and that the caller
//! holds it again after `detach` returns or panics. They cannot see how long you keep the GIL
//! released: release it around the blocking call and nothing else.

pub use crate::provided::release::{Attached, Gil};

impl Attached<'_> {
    /// Runs `blocking` with the GIL released and holds the GIL again when it returns, even if it
    /// panics: `Py_BEGIN_ALLOW_THREADS` ... `Py_END_ALLOW_THREADS`, PyO3's `py.detach`.
    ///
    /// `&mut self` keeps the token out of the closure: code that runs without the GIL cannot
    /// claim to hold it.
    pub fn detach<T>(&mut self, blocking: impl FnOnce() -> T) -> T {
        // TODO: create a `Released` guard for `self.gil`, keep it alive while `blocking` runs.
        todo!()
    }
}

/// While it lives, the GIL is released; dropping it takes the GIL back.
struct Released<'gil> {
    gil: &'gil Gil,
}

impl<'gil> Released<'gil> {
    fn new(gil: &'gil Gil) -> Self {
        // TODO: give the GIL back, then return the guard.
        todo!()
    }
}

impl Drop for Released<'_> {
    fn drop(&mut self) {
        // TODO: take the GIL again.
        todo!()
    }
}
