//! Exercise 3.5: Amdahl's law.
//! Book: src/ch03/05-amdahl.md
//!
//! If a fraction `p` of a program's one-core running time can be spread over `n` cores and the
//! rest cannot, the best speedup is S(n) = 1 / ((1 - p) + p / n). Write the law, its limit for
//! endless cores, and the law backwards: the `p` that explains two measured times.
//!
//! The tests compare your numbers with a table of known values and with the law itself for
//! fractions from 0 to 1 and odd numbers of cores (p = 1 has no limit: `speedup_limit` is then
//! infinite), and check that your `p` predicts the measured speedup back. Do not clamp `p`: a value above 1 (or below 0) is what a noisy
//! measurement honestly gives, and the book discusses it.

/// Amdahl's law: the speedup on `cores` cores when `parallel_fraction` (p, from 0 to 1) of the
/// one-core running time can run in parallel.
pub fn predicted_speedup(parallel_fraction: f64, cores: u32) -> f64 {
    // TODO: 1 / ((1 - p) + p / n)
    todo!()
}

/// The best speedup any number of cores can give: 1 / (1 - p). Infinite when p is 1.
pub fn speedup_limit(parallel_fraction: f64) -> f64 {
    // TODO
    todo!()
}

/// Amdahl's law backwards: the parallel fraction that explains a program taking `one_core`
/// seconds on one core and `on_cores` seconds on `cores` cores (at least 2).
pub fn parallel_fraction(one_core: f64, on_cores: f64, cores: u32) -> f64 {
    // TODO: solve S = 1 / ((1 - p) + p / n) for p, with S = one_core / on_cores.
    todo!()
}
