//! Exercise 4.5: native code that releases the lock.
//! Book: src/ch04/05-releasing-the-lock.md

use crate::interpreter::{PyBytes, PyList, Python};

// ANCHOR: solution
/// A native function, as a C or Rust extension would offer it to Python: the checksum of each
/// `bytes` object, computed by `crunch`, returned as a Python list. Python threads that call it
/// at the same time crunch at the same time, because the crunching happens without the GIL.
pub fn checksums(
    py: Python<'_>,
    items: &[PyBytes],
    crunch: impl Fn(&[u8]) -> u64 + Sync,
) -> PyList {
    // 1. With the GIL: read the Python objects. (A `bytes` object never changes, so borrowing
    //    its contents past the release is safe; a mutable object would have to be copied.)
    let inputs: Vec<&[u8]> = items.iter().map(|item| item.as_bytes(py)).collect();
    // 2. Without the GIL: the long native work. One release around all of it, not one per
    //    item: every release and retake is a trip through the GIL's mutex and condvar.
    let sums: Vec<u64> = py.detach(|| inputs.iter().map(|input| crunch(input)).collect());
    // 3. With the GIL again: build the Python result.
    PyList::new(py, sums)
}
// ANCHOR_END: solution
