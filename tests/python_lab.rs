//! Chapter 3's Python lab (python/gil_lab.py) runs and prints a well-formed table. Its timings
//! are not checked: they belong to the machine. The lab runs with `--quick` (tiny inputs, one run),
//! so this takes about a second. Set PYTHON to use another interpreter than `python3`.

mod common;

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{cpythons, root};

/// Far more than `--quick` needs; a lab stuck longer than this is killed and reported.
const LIMIT: Duration = Duration::from_secs(120);

fn python() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_owned())
}

/// Runs the lab and returns its standard output, or fails with a message that says why.
fn run_lab() -> String {
    let python = python();
    let mut child = Command::new(&python)
        .args(["python/gil_lab.py", "--quick"])
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| {
            panic!(
                "the Python lab needs `{python}` ({error}). Install Python 3 (3.9 or newer), or set \
                 PYTHON=/path/to/python3"
            )
        });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("could not wait for the Python lab") {
            break status;
        }
        if started.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("python/gil_lab.py --quick did not finish within {LIMIT:?}: killed");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut stdout = String::new();
    let mut stderr = String::new();
    if let Some(mut out) = child.stdout.take() {
        let _ = out.read_to_string(&mut stdout);
    }
    if let Some(mut err) = child.stderr.take() {
        let _ = err.read_to_string(&mut stderr);
    }
    assert!(
        status.success(),
        "python/gil_lab.py --quick failed ({status}):\n{stdout}\n{stderr}"
    );
    stdout
}

/// The cells of a Markdown table row: `| a | b |` -> ["a", "b"].
fn cells(line: &str) -> Vec<&str> {
    line.trim()
        .trim_start_matches('|')
        .trim_end_matches('|')
        .split('|')
        .map(str::trim)
        .collect()
}

fn is_number(text: &str) -> bool {
    !text.is_empty() && text.parse::<f64>().is_ok_and(f64::is_finite)
}

#[test]
fn the_python_lab_prints_a_well_formed_table() {
    let output = run_lab();
    assert!(
        output.starts_with("Python lab: "),
        "the lab's first line should describe the interpreter:\n{output}"
    );
    let rows: Vec<Vec<&str>> = output
        .lines()
        .filter(|line| line.starts_with('|'))
        .map(cells)
        .collect();
    assert!(rows.len() > 2, "no table in the lab's output:\n{output}");
    assert_eq!(
        rows[0],
        [
            "workload",
            "how",
            "workers",
            "median",
            "speedup",
            "cores busy"
        ],
        "the table's header changed:\n{output}"
    );

    let mut workloads = Vec::new();
    for row in &rows[2..] {
        let [workload, how, workers, median, speedup, cores_busy] = row[..] else {
            panic!("a row without six cells: {row:?}\n{output}");
        };
        assert!(!how.is_empty(), "a row says nothing about how: {row:?}");
        assert!(
            workers.parse::<u32>().is_ok_and(|w| w > 0),
            "workers is not a positive whole number: {row:?}"
        );
        assert!(
            median.strip_suffix(" ms").is_some_and(is_number),
            "the median is not a time in ms: {row:?}"
        );
        assert!(
            speedup == "-" || speedup.strip_suffix('x').is_some_and(is_number),
            "the speedup is neither `-` nor a ratio like 1.00x: {row:?}"
        );
        assert!(is_number(cores_busy), "cores busy is not a number: {row:?}");
        if !workloads.contains(&workload) {
            workloads.push(workload);
        }
    }
    assert_eq!(
        workloads,
        ["cpu-bound", "io-bound", "mixed"],
        "the lab should measure CPU-bound, I/O-bound and mixed work, in that order:\n{output}"
    );
    for expected in [
        "threads",
        "processes",
        "asyncio",
        "one request after another",
    ] {
        assert!(
            rows.iter().any(|row| row[1].contains(expected)),
            "no row measures `{expected}`:\n{output}"
        );
    }
}

/// The old GIL against the new (python/old_gil.py, written so that 2.7 runs it too) runs on every
/// CPython here and prints its one row; a missing interpreter is simply not in the list.
#[test]
fn the_old_gil_experiments_run_on_every_cpython_here() {
    let found = cpythons();
    let versions: Vec<&str> = found.iter().map(|(version, _)| version.as_str()).collect();
    println!("old_gil.py --quick on CPython {}", versions.join(", "));
    for (version, python) in &found {
        let output = Command::new(python)
            .args(["python/old_gil.py", "--quick"])
            .current_dir(root())
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .output()
            .expect("could not start Python");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "python/old_gil.py --quick failed on CPython {version}:\n{stdout}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let row = stdout.lines().last().unwrap_or_default();
        let cells = cells(row);
        assert_eq!(cells.len(), 6, "CPython {version}: not a table row: {row:?}");
        assert_eq!(cells[0], version.as_str(), "CPython {version}: {row:?}");
    }
}
