//! Exercise 3.5: Amdahl's law (book: src/ch03/05-amdahl.md).

use chapter3::amdahl::{parallel_fraction, predicted_speedup, speedup_limit};
use support::Exercise;

const EXERCISE: Exercise = Exercise::new("3.5", "ch03/05-amdahl.md");

const FRACTIONS: [f64; 6] = [0.0, 0.5, 0.75, 0.9, 0.95, 1.0];
const CORES: [u32; 6] = [1, 2, 4, 8, 16, 1024];

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
            EXERCISE.check(
                speedup.is_finite() && (1.0..=f64::from(*n) + 1e-9).contains(&speedup),
                format!(
                    "predicted_speedup({p}, {n}) = {speedup}: a speedup lies between 1 and the number of cores"
                ),
            );
        }
        table.push_str(&format!("{p:<5.2}  "));
        for speedup in speedups {
            table.push_str(&format!("{speedup:>8.2}x"));
        }
        // A perfectly parallel program has no limit: say so rather than print Rust's "inf".
        let limit = if limit.is_infinite() {
            "no limit".to_owned()
        } else {
            format!("{limit:.2}x")
        };
        table.push_str(&format!("{limit:>9}\n"));
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
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
    let estimates = EXERCISE.run(move || {
        measurements.map(|(one_core, on_cores, cores)| {
            let p = parallel_fraction(one_core, on_cores, cores);
            (p, predicted_speedup(p, cores))
        })
    });
    let mut table = String::from("one core  on n cores   n  speedup  parallel fraction p\n");
    for ((one_core, on_cores, cores), (p, back)) in measurements.into_iter().zip(estimates) {
        EXERCISE.check(
            (back - one_core / on_cores).abs() < 1e-9,
            format!(
                "parallel_fraction({one_core}, {on_cores}, {cores}) = {p}, but Amdahl with that p predicts {back:.3}x, \
                 not the measured {:.3}x: solve S = 1 / ((1 - p) + p / n) for p",
                one_core / on_cores
            ),
        );
        table.push_str(&format!(
            "{one_core:>7.2}s {on_cores:>10.2}s {cores:>3} {:>7.2}x  {p:>8.3}\n",
            one_core / on_cores
        ));
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}
