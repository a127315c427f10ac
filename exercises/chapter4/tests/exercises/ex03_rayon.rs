//! Exercise 4.3: rayon, every core, no pickling (book: src/ch04/03-rayon.md).

use std::collections::BTreeSet;
use std::sync::Mutex;

use chapter4::rayon::{par_chunks_map, par_map, par_map_on_pool, par_total};
use chapter4::worker::sum_of_squares;
use support::Exercise;

const EXERCISE: Exercise = Exercise::new("4.3", "ch04/03-rayon.md");

/// Where the work ran, recorded by every call of `work`.
#[derive(Default)]
struct Calls {
    /// For each call: the size of the rayon pool it ran in, or `None` off rayon's threads.
    pools: Mutex<Vec<Option<usize>>>,
}

impl Calls {
    fn record(&self) {
        let pool = rayon::current_thread_index().map(|_| rayon::current_num_threads());
        self.pools.lock().unwrap().push(pool);
    }

    /// "all 40 calls on rayon threads", or what went wrong.
    fn summary(self) -> String {
        let pools = self.pools.into_inner().unwrap();
        let on_rayon = pools.iter().filter(|pool| pool.is_some()).count();
        format!("{on_rayon} of {} calls on rayon's threads", pools.len())
    }

    fn pool_sizes(&self) -> BTreeSet<usize> {
        self.pools
            .lock()
            .unwrap()
            .iter()
            .flatten()
            .copied()
            .collect()
    }
}

fn inputs() -> Vec<u64> {
    (0..40).map(|i| (i * 7919) % 5000).collect()
}

#[test]
fn par_map_and_par_total_use_rayon_threads_and_keep_order() {
    let inputs = inputs();
    let expected: Vec<u64> = inputs.iter().map(|&n| sum_of_squares(n)).collect();
    let given = inputs.clone();
    let (mapped, map_calls, total, total_calls) = EXERCISE.run(move || {
        let map_calls = Calls::default();
        let mapped = par_map(&given, |n| {
            map_calls.record();
            sum_of_squares(n)
        });
        let total_calls = Calls::default();
        let total = par_total(&given, |n| {
            total_calls.record();
            sum_of_squares(n)
        });
        (mapped, map_calls, total, total_calls)
    });
    EXERCISE.check(
        mapped == expected,
        "par_map returned results out of input order (or wrong ones): collect() from an \
         indexed parallel iterator keeps the order",
    );
    let expected_total = expected.iter().fold(0u64, |sum, x| sum.wrapping_add(*x));
    EXERCISE.check(
        total == expected_total,
        format!("par_total gave {total}, the total of the mapped values is {expected_total}"),
    );
    EXERCISE.answer_key(|| {
        insta::assert_snapshot!(format!(
            "function    inputs  results                  where the work ran\n\
         par_map     {:>6}  {:<24} {}\n\
         par_total   {:>6}  {:<24} {}\n",
            inputs.len(),
            if mapped == expected {
                "in input order"
            } else {
                "WRONG"
            },
            map_calls.summary(),
            inputs.len(),
            if total == expected_total {
                "the right total"
            } else {
                "WRONG"
            },
            total_calls.summary(),
        ))
    });
}

/// Inputs in no answer key, with values near `u64::MAX` so that the total wraps around: a
/// plain `sum()` overflows (a panic in a debug build), where `wrapping_add` goes on.
#[test]
fn par_map_and_par_total_on_other_inputs_and_a_total_that_wraps() {
    let inputs: Vec<u64> = (0..300u64).map(|i| (i * 48_271) % 65_537).collect();
    let work = |n: u64| u64::MAX - n * n;
    let expected: Vec<u64> = inputs.iter().map(|&n| work(n)).collect();
    let expected_total = expected.iter().fold(0u64, |sum, x| sum.wrapping_add(*x));
    let given = inputs.clone();
    let (mapped, total, empty_total) = EXERCISE.run(move || {
        (
            par_map(&given, work),
            par_total(&given, work),
            par_total(&[], work),
        )
    });
    EXERCISE.check(
        mapped == expected,
        "par_map on 300 other inputs: the results must be work(input) for each input, in input \
         order",
    );
    EXERCISE.check(
        total == expected_total,
        format!(
            "par_total on 300 other inputs gave {total} instead of {expected_total}: the total \
             wraps around u64::MAX (wrapping_add)"
        ),
    );
    EXERCISE.check(
        empty_total == 0,
        format!("par_total of no inputs gave {empty_total}: the total of nothing is 0"),
    );
}

#[test]
fn par_chunks_map_calls_work_once_per_chunk() {
    let inputs: Vec<u64> = (1..=23).collect();
    let mut rows =
        String::from("chunk size  chunks seen by work (first..=last)             results\n");
    for chunk_size in [5, 1, 23, 100, 0] {
        let given = inputs.clone();
        let (results, mut chunks) = EXERCISE.run(move || {
            let chunks = Mutex::new(Vec::new());
            let results = par_chunks_map(&given, chunk_size, |chunk| {
                let first = chunk.first().copied().unwrap_or(0);
                let last = chunk.last().copied().unwrap_or(0);
                chunks.lock().unwrap().push((first, last));
                chunk.iter().sum()
            });
            (results, chunks.into_inner().unwrap())
        });
        chunks.sort_unstable();
        let shown: Vec<String> = chunks.iter().map(|(a, b)| format!("{a}..={b}")).collect();
        let shown = if shown.len() > 6 {
            format!(
                "{} chunks: {}, ..., {}",
                shown.len(),
                shown[0],
                shown[shown.len() - 1]
            )
        } else {
            shown.join(", ")
        };
        let results = if results.len() > 6 {
            format!("{} sums, first {:?}", results.len(), &results[..3])
        } else {
            format!("{results:?}")
        };
        rows.push_str(&format!("{chunk_size:>10}  {shown:<44} {results}\n"));
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(rows));
}

#[test]
fn par_map_on_pool_runs_on_a_pool_of_the_chosen_size() {
    let inputs = inputs();
    let expected: Vec<u64> = inputs.iter().map(|&n| sum_of_squares(n)).collect();
    let mut rows = String::from(
        "threads asked  results         pool size seen by the work  where the work ran\n",
    );
    for threads in [1, 3] {
        let given = inputs.clone();
        let (results, calls) = EXERCISE.run(move || {
            let calls = Calls::default();
            let results = par_map_on_pool(threads, &given, |n| {
                calls.record();
                sum_of_squares(n)
            });
            (results, calls)
        });
        let sizes = calls.pool_sizes();
        rows.push_str(&format!(
            "{threads:>13}  {:<15} {:<27} {}\n",
            if results == expected {
                "in input order"
            } else {
                "WRONG"
            },
            format!("{sizes:?}"),
            calls.summary()
        ));
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(rows));
}
