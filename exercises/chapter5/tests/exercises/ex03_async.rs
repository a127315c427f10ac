//! Exercise 5.3: the scraper on tokio (book: src/ch05/03-async.md).

use chapter5::r#async::{async_client, one_thread_runtime, scrape_async};
use support::Exercise;

use crate::{TIMEOUT, scrape_gathered};

const EXERCISE: Exercise = Exercise::new("5.3", "ch05/03-async.md").with_hang_hint(
    "a semaphore permit that is never released stops every request after it; and awaiting the \
     requests one by one before spawning the next makes the scraper sequential",
);

const LIMIT: usize = 4;

#[test]
fn concurrent_requests_on_one_thread_results_in_input_order() {
    let (table, most, gathered) = scrape_gathered(&EXERCISE, LIMIT, |urls| {
        one_thread_runtime().block_on(scrape_async(async_client(TIMEOUT), &urls, LIMIT))
    });
    EXERCISE.check(
        most <= LIMIT,
        format!("the site saw {most} requests at once with a limit of {LIMIT}: use a semaphore"),
    );
    EXERCISE.check(
        gathered,
        format!(
            "the first {LIMIT} requests never reached the site together: spawn the requests \
             (tokio::spawn) before awaiting any of them"
        ),
    );
    EXERCISE.answer_key(|| {
        insta::assert_snapshot!(format!(
            "{table}\none thread, limit: {LIMIT}, most requests in flight at once: {most}\n"
        ))
    });
}
