//! Exercise 6.2: a decision function (book: src/ch06/02-decide.md).
//!
//! The snapshot of this test is the decision table that the book prints
//! (`src/ch06/02-decide.md` includes the `.snap` file), so the book's table is whatever this
//! tested function decides.

use std::fmt::Write;

use chapter6::classify::WorkloadKind::{self, CpuBound, IoBound, Mixed};
use chapter6::decide::{Workload, decide};
use support::Exercise;

const EXERCISE: Exercise = Exercise::new("6.2", "ch06/02-decide.md");

/// A workload of the book, by name: kind, waits in flight, CPU ms, native code, free-threaded.
struct Case(&'static str, WorkloadKind, usize, u64, bool, bool);

const CASES: [Case; 11] = [
    Case("one API call", IoBound, 1, 5, false, false),
    Case("scrape 50 pages", IoBound, 50, 60, false, false),
    Case(
        "chat server, 10,000 connections",
        IoBound,
        10_000,
        900,
        false,
        false,
    ),
    Case("parse one config file", CpuBound, 1, 20, false, false),
    Case(
        "sum of squares to 10 million",
        CpuBound,
        1,
        800,
        false,
        false,
    ),
    Case("NumPy matrix products", CpuBound, 1, 5_000, true, false),
    Case(
        "pure-Python simulation, 3.14t",
        CpuBound,
        1,
        5_000,
        false,
        true,
    ),
    Case(
        "scrape 50 pages, parse each heavily",
        Mixed,
        50,
        5_000,
        false,
        false,
    ),
    Case(
        "download and gzip 200 files",
        Mixed,
        200,
        2_000,
        true,
        false,
    ),
    Case(
        "scrape 20 pages, light parsing",
        Mixed,
        20,
        40,
        false,
        false,
    ),
    Case("fetch and transform, 3.14t", Mixed, 100, 3_000, false, true),
];

#[test]
fn the_decision_table() {
    let workloads = CASES.map(|Case(_, kind, waits, cpu_ms, native, free)| Workload {
        kind,
        waits_in_flight: waits,
        total_cpu_ms: cpu_ms,
        native_releases_gil: native,
        free_threaded_ok: free,
    });
    let advice = EXERCISE.run(move || workloads.map(|workload| decide(&workload)));
    let mut table =
        String::from("| workload | what the profile says | approach | why |\n|---|---|---|---|\n");
    for (case, advice) in CASES.iter().zip(advice) {
        let Case(name, kind, waits, cpu_ms, native, free) = case;
        EXERCISE.check(
            !advice.reasons.is_empty(),
            format!("`{name}`: the advice gives no reason; every choice needs at least one"),
        );
        let mut profile = format!("{kind}, {waits} waiting at once, {cpu_ms} ms of CPU");
        if *native {
            profile.push_str(", GIL-free native code");
        }
        if *free {
            profile.push_str(", free-threaded build");
        }
        let why: Vec<String> = advice.reasons.iter().map(ToString::to_string).collect();
        writeln!(
            table,
            "| {name} | {profile} | **{}** | {} |",
            advice.approach,
            why.join("; ")
        )
        .unwrap();
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}
