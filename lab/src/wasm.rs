//! The three functions the page's script calls. A plain C-style export, not wasm-bindgen:
//! one string goes in and one comes out, so the glue is ten lines of JavaScript, and neither
//! readers nor CI need wasm-bindgen's command-line tool (CONTRIBUTING.md, "The lab").
//!
//! The page writes the scenario into a buffer this module owns, calls `lab_run`, and reads the
//! answer from another buffer it owns. No `unsafe` block: Rust only hands out addresses, and the
//! buffers are never touched by Rust while the page writes or reads them (the page is
//! single-threaded, and each call returns before the next begins).

use std::cell::RefCell;

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static OUTPUT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Makes room for a scenario of `length` bytes and returns where the page must write it.
// `no_mangle` is an unsafe attribute (two exports of one name would clash at link time); these
// names are the only ones this crate exports, so they cannot clash.
#[allow(unsafe_code)]
#[unsafe(no_mangle)]
pub extern "C" fn lab_input(length: usize) -> *mut u8 {
    INPUT.with_borrow_mut(|input| {
        input.clear();
        input.resize(length, 0);
        input.as_mut_ptr()
    })
}

/// Runs the scenario the page wrote and returns the length of the answer, in bytes.
#[allow(unsafe_code)] // see `lab_input`
#[unsafe(no_mangle)]
pub extern "C" fn lab_run() -> usize {
    let text = INPUT.with_borrow(|input| String::from_utf8_lossy(input).into_owned());
    OUTPUT.with_borrow_mut(|output| {
        *output = crate::run(&text);
        output.len()
    })
}

/// Where the answer of the last `lab_run` starts.
#[allow(unsafe_code)] // see `lab_input`
#[unsafe(no_mangle)]
pub extern "C" fn lab_output() -> *const u8 {
    OUTPUT.with_borrow(|output| output.as_ptr())
}
