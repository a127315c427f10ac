//! Exercise 6.1: profile first (book: src/ch06/01-profile-first.md).

use std::fmt::Write;
use std::time::Duration;

use chapter6::classify::{Profile, classify};
use support::Exercise;

const EXERCISE: Exercise = Exercise::new("6.1", "ch06/01-profile-first.md");

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// Runs a profile of each shape, then the edges of each threshold and the two impossible ones.
const PROFILES: [(&str, u64, u64); 10] = [
    ("a loop summing squares", 800, 796),
    ("ten HTTP requests, one after another", 550, 25),
    ("a scraper that parses what it fetches", 400, 180),
    ("exactly 80% on a core", 1000, 800),
    ("just under 80% on a core", 1000, 799),
    ("exactly 20% on a core", 1000, 200),
    ("just over 20% on a core", 1000, 201),
    ("sleeping", 100, 0),
    ("nothing measured", 0, 0),
    ("CPU clock of the whole process, 2 threads", 500, 990),
];

#[test]
fn profiles_classified_by_their_share_of_cpu_time() {
    let kinds = EXERCISE.run(|| {
        PROFILES.map(|(_, wall, cpu)| {
            classify(Profile {
                wall: ms(wall),
                cpu: ms(cpu),
            })
        })
    });
    let mut table = String::from("| run | wall ms | CPU ms | CPU share | classified as |\n");
    table.push_str("|---|---:|---:|---:|---|\n");
    for ((run, wall, cpu), kind) in PROFILES.iter().zip(kinds) {
        let share = if *wall == 0 {
            "-".to_owned()
        } else {
            format!("{:.3}", *cpu as f64 / *wall as f64)
        };
        let kind = match kind {
            Ok(kind) => kind.to_string(),
            Err(error) => error.to_string(),
        };
        writeln!(table, "| {run} | {wall} | {cpu} | {share} | {kind} |").unwrap();
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}
