//! Exercise 3.3: the same with rayon (book: src/ch03/03-rayon.md).

use std::ops::Range;
use std::sync::Arc;

use chapter3::rayon::sum_with_rayon;
use support::Exercise;

use super::occupancy::{Occupancy, expected_pieces, squares};

const EXERCISE: Exercise = Exercise::new("3.3", "ch03/03-rayon.md").with_hang_hint(
    "the pieces ran one after another on a single thread: use a parallel iterator \
     (`into_par_iter`) inside `pool.install`",
);

const POOL_THREADS: usize = 2;
const PIECES: usize = 8;

#[test]
fn rayon_spreads_the_pieces_over_its_threads() {
    let (occupancy, total) = EXERCISE.run(|| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(POOL_THREADS)
            .thread_name(|index| format!("pool-thread-{index}"))
            .build()
            .expect("could not start a rayon pool of two threads");
        let occupancy = Arc::new(Occupancy::default());
        let recorder = Arc::clone(&occupancy);
        // Each pool thread's first piece waits, inside work, until the other thread is inside.
        let total = sum_with_rayon(&pool, 0..80_000, PIECES, move |numbers| {
            recorder.work(numbers, POOL_THREADS, || false)
        });
        (occupancy, total)
    });

    let names = occupancy.thread_names();
    EXERCISE.check(
        names.iter().all(|name| name.starts_with("pool-thread-")),
        format!(
            "work ran on {names:?}, not only on the pool's threads: run the parallel iterator \
             inside `pool.install(...)`, or it uses rayon's global pool"
        ),
    );
    let worked = occupancy.worked();
    let expected: Vec<_> = (0..8).map(|i| i * 10_000..(i + 1) * 10_000).collect();
    EXERCISE.check(
        worked == expected,
        format!(
            "work was called with {worked:?}: split 0..80_000 into {PIECES} pieces with `split` \
             from exercise 3.1 and call work once per piece"
        ),
    );
    EXERCISE.check(
        total == squares(0..80_000),
        format!("returned {total}: add up what work returns"),
    );
    let table = format!(
        "pieces  pool threads  threads that worked  most inside work at once  sum of squares\n\
         {PIECES:>6}  {POOL_THREADS:>12}  {:>19}  {:>24}  {total}\n",
        occupancy.threads(),
        occupancy.most_inside()
    );
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

#[test]
fn rayon_sums_other_ranges_too() {
    // Not in the answer key: empty ranges, one piece, more pieces than numbers.
    let cases: [(Range<u64>, usize); 5] = [
        (7..7, 3),
        (3..10, 1),
        (0..5, 8),
        (1_000..1_037, 6),
        (123_456..200_000, 7),
    ];
    let results = EXERCISE.run(move || {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(POOL_THREADS)
            .build()
            .expect("could not start a rayon pool of two threads");
        cases.map(|(numbers, pieces)| {
            let occupancy = Arc::new(Occupancy::default());
            let recorder = Arc::clone(&occupancy);
            let total = sum_with_rayon(&pool, numbers.clone(), pieces, move |numbers| {
                recorder.work(numbers, 1, || false)
            });
            (numbers, pieces, total, occupancy.worked())
        })
    });
    for (numbers, pieces, total, worked) in results {
        let mut expected = expected_pieces(numbers.clone(), pieces);
        expected.sort_by_key(|piece| (piece.start, piece.end));
        EXERCISE.check(
            worked == expected,
            format!(
                "sum_with_rayon({numbers:?}, {pieces} pieces) called work with {worked:?}: call it \
                 once for each piece that `split` makes, {pieces} in all"
            ),
        );
        EXERCISE.check(
            total == squares(numbers.clone()),
            format!(
                "sum_with_rayon({numbers:?}, {pieces} pieces) returned {total}, not {}: add up \
                 what work returns",
                squares(numbers.clone())
            ),
        );
    }
}
