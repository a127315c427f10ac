//! Exercise 6.2: a decision function (book: src/ch06/02-decide.md).
//!
//! The snapshot of this test is the decision table that the book prints
//! (`src/ch06/02-decide.md` includes the `.snap` file), so the book's table is whatever this
//! tested function decides.

use std::fmt::Write;

use chapter6::classify::WorkloadKind::{self, CpuBound, IoBound, Mixed};
use chapter6::decide::{
    Advice, Approach, MANY_WAITS, Reason, WORTH_SPLITTING_MS, Workload, decide,
};
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

/// The rules of the exercise's table, in order, as the tests read them.
fn rule_for(w: &Workload) -> (&'static str, Approach, Vec<Reason>) {
    use Approach::*;
    use Reason::*;
    let small = w.total_cpu_ms < WORTH_SPLITTING_MS;
    let (rule, approach, reasons): (_, _, &[Reason]) = match w.kind {
        IoBound if w.waits_in_flight <= 1 => (
            "I/O-bound with at most 1 wait in flight",
            Sequential,
            &[NothingToOverlap],
        ),
        IoBound if w.waits_in_flight >= MANY_WAITS => (
            "I/O-bound with at least MANY_WAITS in flight",
            Asyncio,
            &[GilReleasedWhileWaiting, ThousandsOfWaits],
        ),
        IoBound => (
            "I/O-bound otherwise",
            Threads,
            &[GilReleasedWhileWaiting, FewWaits],
        ),
        CpuBound if small => (
            "CPU-bound with less than WORTH_SPLITTING_MS of CPU (checked before the others)",
            Sequential,
            &[TooSmallToSplit],
        ),
        CpuBound if w.native_releases_gil => (
            "CPU-bound, native code releases the GIL",
            Threads,
            &[NativeCodeReleasesGil],
        ),
        CpuBound if w.free_threaded_ok => (
            "CPU-bound, free-threaded build possible",
            Threads,
            &[NoGilInFreeThreadedBuild],
        ),
        CpuBound => (
            "CPU-bound otherwise",
            ProcessPool,
            &[BytecodeNeedsTheGil, ProcessHasItsOwnGil],
        ),
        Mixed if w.native_releases_gil => (
            "mixed, native code releases the GIL (checked first)",
            Threads,
            &[GilReleasedWhileWaiting, NativeCodeReleasesGil],
        ),
        Mixed if w.free_threaded_ok => (
            "mixed, free-threaded build possible (checked before the CPU time)",
            Threads,
            &[GilReleasedWhileWaiting, NoGilInFreeThreadedBuild],
        ),
        Mixed if small => (
            "mixed with less than WORTH_SPLITTING_MS of CPU",
            Threads,
            &[GilReleasedWhileWaiting, TooSmallToSplit],
        ),
        Mixed => (
            "mixed otherwise",
            Hybrid,
            &[
                GilReleasedWhileWaiting,
                BytecodeNeedsTheGil,
                ProcessHasItsOwnGil,
            ],
        ),
    };
    (rule, approach, reasons.to_vec())
}

/// Checks one piece of advice against the rule that applies, saying which rule that is.
fn check(w: &Workload, advice: &Advice) {
    let (rule, approach, reasons) = rule_for(w);
    EXERCISE.check(
        advice.approach == approach && advice.reasons == reasons,
        format!(
            "decide({}, {} waits in flight, {} ms of CPU, native code releases the GIL: {}, \
             free-threaded: {}) gave {} because {:?}, but the rule \"{rule}\" applies: {approach} \
             because {reasons:?}. Apply the rules in the table's order, and give the reasons in \
             the order listed",
            w.kind,
            w.waits_in_flight,
            w.total_cpu_ms,
            w.native_releases_gil,
            w.free_threaded_ok,
            advice.approach,
            advice.reasons
        ),
    );
}

/// Not in the answer key: every kind, at and around every threshold, with every combination of
/// the two flags.
#[test]
fn every_rule_at_its_edges() {
    let mut workloads = Vec::new();
    for kind in [IoBound, CpuBound, Mixed] {
        for waits_in_flight in [0, 1, 2, 17, MANY_WAITS - 1, MANY_WAITS, MANY_WAITS + 1] {
            for total_cpu_ms in [0, 1, WORTH_SPLITTING_MS - 1, WORTH_SPLITTING_MS, 101, 7_777] {
                for (native_releases_gil, free_threaded_ok) in
                    [(false, false), (true, false), (false, true), (true, true)]
                {
                    workloads.push(Workload {
                        kind,
                        waits_in_flight,
                        total_cpu_ms,
                        native_releases_gil,
                        free_threaded_ok,
                    });
                }
            }
        }
    }
    let inputs = workloads.clone();
    let advice = EXERCISE.run(move || inputs.iter().map(decide).collect::<Vec<_>>());
    for (workload, advice) in workloads.iter().zip(&advice) {
        check(workload, advice);
    }
}

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
        check(
            &Workload {
                kind: *kind,
                waits_in_flight: *waits,
                total_cpu_ms: *cpu_ms,
                native_releases_gil: *native,
                free_threaded_ok: *free,
            },
            &advice,
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
