//! Exercise 6.1: profile first (book: src/ch06/01-profile-first.md).

use std::fmt::Write;
use std::time::Duration;

use chapter6::classify::{Profile, ProfileError, WorkloadKind, classify};
use support::Exercise;

const EXERCISE: Exercise = Exercise::new("6.1", "ch06/01-profile-first.md");

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// Runs a profile of each shape, then the edges of each threshold (at two scales), both errors
/// at once, the two impossible ones, and times finer than a millisecond.
fn profiles() -> Vec<(&'static str, Profile)> {
    let row = |run, wall, cpu| (run, Profile { wall, cpu });
    vec![
        row("a loop summing squares", ms(800), ms(796)),
        row("ten HTTP requests, one after another", ms(550), ms(25)),
        row("a scraper that parses what it fetches", ms(400), ms(180)),
        row("exactly 80% on a core", ms(1000), ms(800)),
        row("just under 80% on a core", ms(1000), ms(799)),
        row("exactly 80% of a quarter second", ms(250), ms(200)),
        row("exactly 20% on a core", ms(1000), ms(200)),
        row("just over 20% on a core", ms(1000), ms(201)),
        row("exactly 20% of four seconds", ms(4000), ms(800)),
        row("on a core all along", ms(300), ms(300)),
        row("sleeping", ms(100), ms(0)),
        row("nothing measured", ms(0), ms(0)),
        row("no wall time, some CPU time", ms(0), ms(5)),
        row(
            "CPU clock of the whole process, 2 threads",
            ms(500),
            ms(990),
        ),
        row(
            "one nanosecond too much CPU",
            ms(1),
            ms(1) + Duration::from_nanos(1),
        ),
        row(
            "1.5 ms, a fifth of it on a core and a bit less",
            Duration::from_micros(1_500),
            Duration::from_micros(299),
        ),
    ]
}

/// The tests' own reading of the rules, in whole nanoseconds (no rounding at the thresholds).
fn expected(profile: Profile) -> Result<WorkloadKind, ProfileError> {
    let (wall, cpu) = (profile.wall.as_nanos(), profile.cpu.as_nanos());
    if wall == 0 {
        Err(ProfileError::NothingMeasured)
    } else if cpu > wall {
        Err(ProfileError::CpuExceedsWall)
    } else if 5 * cpu >= 4 * wall {
        Ok(WorkloadKind::CpuBound)
    } else if 5 * cpu <= wall {
        Ok(WorkloadKind::IoBound)
    } else {
        Ok(WorkloadKind::Mixed)
    }
}

fn shown(result: Result<WorkloadKind, ProfileError>) -> String {
    match result {
        Ok(kind) => kind.to_string(),
        Err(error) => error.to_string(),
    }
}

/// Checks one answer, saying which rule it broke.
fn check(profile: Profile, got: Result<WorkloadKind, ProfileError>) {
    let want = expected(profile);
    let rule = match want {
        Err(ProfileError::NothingMeasured) => {
            "no wall time means nothing was measured, whatever the CPU clock says (check it first)"
        }
        Err(ProfileError::CpuExceedsWall) => {
            "one thread cannot spend more time on a core than on the clock"
        }
        Ok(WorkloadKind::CpuBound) => {
            "a CPU share of at least CPU_BOUND_SHARE (0.8), the edge included, is CPU-bound"
        }
        Ok(WorkloadKind::IoBound) => {
            "a CPU share of at most IO_BOUND_SHARE (0.2), the edge included, is I/O-bound"
        }
        Ok(WorkloadKind::Mixed) => "a CPU share strictly between 0.2 and 0.8 is mixed",
    };
    let share = if profile.wall.is_zero() {
        String::new()
    } else {
        format!(
            " (a CPU share of {:.4})",
            profile.cpu.as_secs_f64() / profile.wall.as_secs_f64()
        )
    };
    EXERCISE.check(
        got == want,
        format!(
            "classify(wall {:?}, CPU {:?}){share} gave {}, not {}: {rule}. Compare the share \
             cpu / wall (as_secs_f64, not whole milliseconds) with the constants",
            profile.wall,
            profile.cpu,
            shown(got),
            shown(want)
        ),
    );
}

#[test]
fn profiles_classified_by_their_share_of_cpu_time() {
    let rows = profiles();
    let inputs: Vec<Profile> = rows.iter().map(|(_, profile)| *profile).collect();
    let kinds = EXERCISE.run(move || inputs.into_iter().map(classify).collect::<Vec<_>>());
    let mut table = String::from("| run | wall | CPU | CPU share | classified as |\n");
    table.push_str("|---|---:|---:|---:|---|\n");
    for ((run, profile), kind) in rows.into_iter().zip(kinds) {
        check(profile, kind);
        let share = if profile.wall.is_zero() {
            "-".to_owned()
        } else {
            format!(
                "{:.3}",
                profile.cpu.as_secs_f64() / profile.wall.as_secs_f64()
            )
        };
        writeln!(
            table,
            "| {run} | {:?} | {:?} | {share} | {} |",
            profile.wall,
            profile.cpu,
            shown(kind)
        )
        .unwrap();
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

/// Not in the answer key: every CPU share from 0 to 1 in steps of 0.001 (away from the edges,
/// where the answer key's rows are), at wall times from a microsecond to an hour, and a
/// nanosecond more CPU than wall time.
#[test]
fn every_share_at_every_scale() {
    let walls = [
        Duration::from_micros(1),
        Duration::from_micros(999),
        ms(7),
        ms(1_500),
        Duration::from_secs(61),
        Duration::from_secs(3_601) + Duration::from_nanos(7),
    ];
    let mut profiles = Vec::new();
    for wall in walls {
        let nanos = wall.as_nanos();
        for per_mille in
            (0..=1000u128).filter(|k| !(199..=201).contains(k) && !(799..=801).contains(k))
        {
            let cpu = Duration::from_nanos((nanos * per_mille / 1000) as u64);
            profiles.push(Profile { wall, cpu });
        }
        profiles.push(Profile {
            wall,
            cpu: wall + Duration::from_nanos(1),
        });
        profiles.push(Profile {
            wall: Duration::ZERO,
            cpu: wall,
        });
    }
    let inputs = profiles.clone();
    let kinds = EXERCISE.run(move || inputs.into_iter().map(classify).collect::<Vec<_>>());
    for (profile, kind) in profiles.into_iter().zip(kinds) {
        check(profile, kind);
    }
}
