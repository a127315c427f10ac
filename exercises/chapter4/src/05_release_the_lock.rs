//! Exercise 4.5: native code that releases the lock.
//! Book: src/ch04/05-releasing-the-lock.md
//!
//! A C extension releases the GIL with `Py_BEGIN_ALLOW_THREADS` ... `Py_END_ALLOW_THREADS`; a
//! Rust one, written with PyO3, with `py.detach(|| ...)`. `src/interpreter.rs` gives you the
//! same API on a toy interpreter. Write `checksums` the way a good extension does:
//!
//! 1. holding the GIL, read the Python objects (`item.as_bytes(py)`);
//! 2. without the GIL (`py.detach`), run `crunch` on every input: the long native part;
//! 3. holding the GIL again, build the result (`PyList::new(py, ...)`).
//!
//! The compiler enforces the rule C leaves to discipline: the closure given to `detach` cannot
//! capture `py` or a `PyBytes` (they are not `Send`/`Sync`).
//!
//! The test calls your function from several Python threads at once and records, inside
//! `crunch`, how many threads crunch at the same time and whether the GIL was held. It cannot
//! see how long you keep the GIL outside `crunch`: keep that part short.

use crate::interpreter::{PyBytes, PyList, Python};

/// A native function, as a C or Rust extension would offer it to Python: the checksum of each
/// `bytes` object, computed by `crunch`, returned as a Python list. Python threads that call it
/// at the same time crunch at the same time, because the crunching happens without the GIL.
pub fn checksums(
    py: Python<'_>,
    items: &[PyBytes],
    crunch: impl Fn(&[u8]) -> u64 + Sync,
) -> PyList {
    // TODO: read the bytes with the GIL, crunch inside py.detach(..), build the PyList.
    todo!()
}
