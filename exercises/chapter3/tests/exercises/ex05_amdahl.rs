//! Exercise 3.5: Amdahl's law (book: src/ch03/05-amdahl.md).

use chapter3::amdahl::{parallel_fraction, predicted_speedup, speedup_limit};
use support::Exercise;

const EXERCISE: Exercise = Exercise::new("3.5", "ch03/05-amdahl.md");

const FRACTIONS: [f64; 6] = [0.0, 0.5, 0.75, 0.9, 0.95, 1.0];
const CORES: [u32; 6] = [1, 2, 4, 8, 16, 1024];

/// The tests' own Amdahl, to check yours against.
fn amdahl(p: f64, n: u32) -> f64 {
    1.0 / ((1.0 - p) + p / f64::from(n))
}

fn close(a: f64, b: f64) -> bool {
    (a.is_infinite() && a == b) || (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

fn check_speedup(p: f64, n: u32, speedup: f64) {
    EXERCISE.check(
        close(speedup, amdahl(p, n)),
        format!(
            "predicted_speedup({p}, {n}) = {speedup}, not {:.6}: S(n) = 1 / ((1 - p) + p / n) \
             (the serial part 1 - p takes as long as ever; the parallel part p is shared by n cores)",
            amdahl(p, n)
        ),
    );
}

fn check_limit(p: f64, limit: f64) {
    let expected = 1.0 / (1.0 - p);
    EXERCISE.check(
        close(limit, expected),
        if expected.is_infinite() {
            format!(
                "speedup_limit({p}) = {limit}: with nothing serial, more cores always help, so the \
                 limit is unbounded (1.0 / 0.0 in f64 is infinity)"
            )
        } else {
            format!("speedup_limit({p}) = {limit}, not {expected:.6}: the limit is 1 / (1 - p)")
        },
    );
}

/// A speedup as the tables show it; an unbounded one as "∞".
fn times(speedup: f64) -> String {
    if speedup.is_infinite() {
        "∞".to_owned()
    } else {
        format!("{speedup:.2}x")
    }
}

#[test]
fn predicted_speedups() {
    let rows = EXERCISE.run(|| {
        FRACTIONS
            .map(|p| (p, CORES.map(|n| predicted_speedup(p, n)), speedup_limit(p)))
            .to_vec()
    });
    let mut table = String::from("  p    ");
    for n in CORES {
        table.push_str(&format!("{:>9}", format!("n={n}")));
    }
    table.push_str("    limit\n");
    for (p, speedups, limit) in rows {
        for (n, speedup) in CORES.iter().zip(speedups) {
            check_speedup(p, *n, speedup);
        }
        check_limit(p, limit);
        table.push_str(&format!("{p:<5.2}  "));
        for speedup in speedups {
            table.push_str(&format!("{:>9}", times(speedup)));
        }
        table.push_str(&format!("{:>9}\n", times(limit)));
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

/// Not in the answer key: fractions from 0 to 1 in steps of 0.05, odd numbers of cores, and the
/// law run backwards from the times it predicts.
#[test]
fn the_law_on_other_fractions_and_cores() {
    let fractions: Vec<f64> = (0..=20).map(|k| f64::from(k) / 20.0).collect();
    let cores = [1, 2, 3, 5, 7, 12, 64, 1000];
    let inputs = fractions.clone();
    let results = EXERCISE.run(move || {
        inputs
            .iter()
            .map(|&p| {
                let speedups = cores.map(|n| predicted_speedup(p, n));
                // Times a program with this p would take: 7.3 s on one core.
                let back =
                    cores.map(|n| (n >= 2).then(|| parallel_fraction(7.3, 7.3 / amdahl(p, n), n)));
                (p, speedups, speedup_limit(p), back)
            })
            .collect::<Vec<_>>()
    });
    for (p, speedups, limit, back) in results {
        for ((n, speedup), back) in cores.into_iter().zip(speedups).zip(back) {
            check_speedup(p, n, speedup);
            if let Some(back) = back {
                EXERCISE.check(
                    close(back, p),
                    format!(
                        "parallel_fraction(7.3, {:.4}, {n}) = {back}, but a program with p = {p} \
                         takes those times: solve S = 1 / ((1 - p) + p / n) for p",
                        7.3 / amdahl(p, n)
                    ),
                );
            }
        }
        check_limit(p, limit);
    }
}

#[test]
fn parallel_fractions_from_measurements() {
    // (seconds on one core, seconds on n cores, n)
    let measurements = [
        (10.0, 10.0, 2),
        (10.0, 5.0, 2),
        (10.0, 5.5, 2),
        (10.0, 2.5, 4),
        (10.0, 4.0, 4),
        (10.0, 4.9, 2),
        (1.61, 1.62, 2),
    ];
    let estimates =
        EXERCISE.run(move || measurements.map(|(one, on_n, n)| parallel_fraction(one, on_n, n)));
    let mut table = String::from("one core  on n cores   n  speedup  parallel fraction p\n");
    for ((one_core, on_cores, cores), p) in measurements.into_iter().zip(estimates) {
        let measured = one_core / on_cores;
        let back = amdahl(p, cores);
        EXERCISE.check(
            close(back, measured),
            format!(
                "parallel_fraction({one_core}, {on_cores}, {cores}) = {p}, but Amdahl with that p \
                 predicts {back:.3}x, not the measured {measured:.3}x: solve S = 1 / ((1 - p) + p / n) \
                 for p, and do not clamp it (a p above 1 or below 0 is what noisy times honestly give)",
            ),
        );
        table.push_str(&format!(
            "{one_core:>7.2}s {on_cores:>10.2}s {cores:>3} {measured:>7.2}x  {p:>8.3}\n"
        ));
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}
