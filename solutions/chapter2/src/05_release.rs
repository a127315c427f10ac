//! Exercise 2.5: releasing the GIL around blocking work.
//! Book: src/ch02/05-release.md

pub use crate::provided::release::{Attached, Gil};

// ANCHOR: solution
impl Attached<'_> {
    /// Runs `blocking` with the GIL released and holds the GIL again when it returns, even if it
    /// panics: `Py_BEGIN_ALLOW_THREADS` ... `Py_END_ALLOW_THREADS`, PyO3's `py.detach`.
    ///
    /// `&mut self` keeps the token out of the closure: code that runs without the GIL cannot
    /// claim to hold it.
    pub fn detach<T>(&mut self, blocking: impl FnOnce() -> T) -> T {
        let _released = Released::new(self.gil);
        blocking()
        // `_released` is dropped here, on a normal return and while a panic unwinds alike.
    }
}

/// While it lives, the GIL is released; dropping it takes the GIL back.
struct Released<'gil> {
    gil: &'gil Gil,
}

impl<'gil> Released<'gil> {
    fn new(gil: &'gil Gil) -> Self {
        gil.give_back();
        Self { gil }
    }
}

impl Drop for Released<'_> {
    fn drop(&mut self) {
        // Like Py_END_ALLOW_THREADS: wait for the GIL like any other thread. No priority for
        // coming back from I/O, which is where the convoy effect comes from.
        self.gil.take();
    }
}
// ANCHOR_END: solution
