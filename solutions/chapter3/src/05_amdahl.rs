//! Exercise 3.5: Amdahl's law.
//! Book: src/ch03/05-amdahl.md

// ANCHOR: solution
/// Amdahl's law: the speedup on `cores` cores of a program whose `parallel_fraction` (p, from 0
/// to 1) of its one-core running time can be spread over all cores.
/// S(n) = 1 / ((1 - p) + p / n)
pub fn predicted_speedup(parallel_fraction: f64, cores: u32) -> f64 {
    let p = parallel_fraction;
    1.0 / ((1.0 - p) + p / f64::from(cores))
}

/// The best speedup any number of cores can give: 1 / (1 - p). Infinite when p is 1.
pub fn speedup_limit(parallel_fraction: f64) -> f64 {
    1.0 / (1.0 - parallel_fraction)
}

/// Amdahl's law backwards: the parallel fraction that explains a program taking `one_core`
/// seconds on one core and `on_cores` seconds on `cores` cores (at least 2).
/// From S = t1 / tn and S = 1 / ((1 - p) + p / n): p = (1 - 1/S) / (1 - 1/n).
/// Not clamped: an answer above 1 means the measurement beat Amdahl (noise, or caches).
pub fn parallel_fraction(one_core: f64, on_cores: f64, cores: u32) -> f64 {
    assert!(cores >= 2, "one core says nothing about the parallel part");
    let speedup = one_core / on_cores;
    (1.0 - 1.0 / speedup) / (1.0 - 1.0 / f64::from(cores))
}
// ANCHOR_END: solution
