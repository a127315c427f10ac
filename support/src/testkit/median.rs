use std::cmp::Ordering;
use std::time::{Duration, Instant};

/// The middle value of `values` (of an even number, the upper of the two middle ones).
///
/// Why the median: the examples time real work on a shared machine, where one run in a few is
/// slowed by something else. The mean moves with that run; the median does not.
///
/// # Panics
/// When `values` is empty: there is nothing to report, and a made-up number would be worse.
///
/// ```
/// use std::time::Duration;
/// use support::testkit::median;
///
/// assert_eq!(median([3.0, 1.0, 200.0]), 3.0);
/// assert_eq!(median([Duration::from_millis(9), Duration::from_millis(2)]), Duration::from_millis(9));
/// ```
pub fn median<T: PartialOrd>(values: impl IntoIterator<Item = T>) -> T {
    let mut values: Vec<T> = values.into_iter().collect();
    assert!(!values.is_empty(), "the median of no values");
    // Values without an order between them (a NaN) count as equal: timings never are NaN.
    values.sort_by(|a, b| a.partial_cmp(b).unwrap_or(Ordering::Equal));
    let middle = values.len() / 2;
    values.swap_remove(middle)
}

/// Runs `work` once to warm up (caches, lazily started pools, page faults), then `runs` times
/// more, and returns the median of the timed runs.
///
/// # Panics
/// When `runs` is 0.
pub fn median_time(runs: usize, mut work: impl FnMut()) -> Duration {
    work();
    median((0..runs).map(|_| {
        let started = Instant::now();
        work();
        started.elapsed()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_and_even_counts() {
        assert_eq!(median([5]), 5);
        assert_eq!(median([4, 1, 3, 2]), 3);
        assert_eq!(median(vec![2.5, 0.5, 1.0]), 1.0);
    }

    #[test]
    #[should_panic(expected = "the median of no values")]
    fn no_values_is_a_mistake() {
        median(Vec::<u32>::new());
    }

    #[test]
    fn median_time_runs_the_work_once_more_to_warm_up() {
        let mut calls = 0;
        median_time(5, || calls += 1);
        assert_eq!(calls, 6);
    }
}
