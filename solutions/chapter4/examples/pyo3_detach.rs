//! The real thing behind exercise 4.5: a Rust extension function called from CPython threads,
//! once holding the GIL and once detaching from it (`py.detach`, PyO3's
//! `Py_BEGIN_ALLOW_THREADS`), beside pure-Python work. Off by default, because it needs a
//! CPython with its shared library (`python3-dev` on Debian, or a pyenv build):
//!
//! ```text
//! PYO3_PYTHON=python3 cargo run --release -p chapter4-solution --features pyo3 --example pyo3_detach
//! ```
//!
//! The example embeds the interpreter, registers a module `native` with two functions, and runs
//! a Python script that times each function called twice on one thread against once on each of
//! two threads.

use std::ffi::CStr;
use std::hint::black_box;

use pyo3::prelude::*;

/// The native work: a checksum of `data`, `rounds` times over.
fn crunch(data: &[u8], rounds: u32) -> u64 {
    let mut sum = 0u64;
    for _ in 0..rounds {
        for &byte in black_box(data) {
            sum = sum.wrapping_mul(31).wrapping_add(u64::from(byte));
        }
    }
    sum
}

/// Crunches while holding the GIL, as an extension that forgets to release it.
#[pyfunction]
fn checksum_holding(data: &[u8], rounds: u32) -> u64 {
    crunch(data, rounds)
}

// ANCHOR: detach
/// Crunches without the GIL. `data` was borrowed from an immutable `bytes` object, so reading it
/// without the GIL is safe; `py` itself cannot enter the closure (it is not `Send`).
#[pyfunction]
fn checksum_detached(py: Python<'_>, data: &[u8], rounds: u32) -> u64 {
    py.detach(|| crunch(data, rounds))
}
// ANCHOR_END: detach

const SCRIPT: &CStr = cr#"
import statistics, sys, threading, time
import native

DATA = bytes(range(256)) * 4096        # 1 MiB
ROUNDS = 100

def pure_python():
    return sum(i * i for i in range(2_000_000))

WORK = [
    ("pure Python loop", pure_python),
    ("Rust, holding the GIL", lambda: native.checksum_holding(DATA, ROUNDS)),
    ("Rust, py.detach", lambda: native.checksum_detached(DATA, ROUNDS)),
]

def twice_on_one_thread(f):
    f(); f()

def once_on_each_of_two_threads(f):
    threads = [threading.Thread(target=f) for _ in range(2)]
    for t in threads: t.start()
    for t in threads: t.join()

def median_ms(run, f, runs=5):
    run(f)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run(f)
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)

print(f"CPython {sys.version.split()[0]}, median of 5 runs, each task called twice")
print(f"{'work':<24} {'one thread':>11} {'two threads':>12} {'speedup':>8}")
for name, f in WORK:
    serial = median_ms(twice_on_one_thread, f)
    threaded = median_ms(once_on_each_of_two_threads, f)
    print(f"{name:<24} {serial:>8.0f} ms {threaded:>9.0f} ms {serial / threaded:>7.2f}x")
"#;

fn main() -> PyResult<()> {
    Python::attach(|py| {
        let native = PyModule::new(py, "native")?;
        native.add_function(wrap_pyfunction!(checksum_holding, &native)?)?;
        native.add_function(wrap_pyfunction!(checksum_detached, &native)?)?;
        py.import("sys")?
            .getattr("modules")?
            .set_item("native", native)?;
        py.run(SCRIPT, None, None)
    })
}
