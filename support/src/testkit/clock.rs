use std::any::Any;
use std::future::Future;
use std::pin::Pin;

use tokio::runtime::{Builder, Runtime};

/// A tokio runtime on the calling thread whose clock is paused.
///
/// Why: with the clock paused, time moves only when every task is waiting, and then jumps
/// straight to the next timer. A test can give simulated requests latencies of 50 ms and ask
/// how long a batch took in virtual time: the answer is exact on every run, on a busy machine
/// too, and the test takes no real time to wait. One thread keeps the order of wake-ups fixed.
///
/// ```
/// use std::time::Duration;
/// use tokio::time::{Instant, sleep};
///
/// let runtime = support::testkit::paused_runtime();
/// let took = runtime.block_on(async {
///     let started = Instant::now();
///     sleep(Duration::from_secs(50)).await;
///     started.elapsed()
/// });
/// assert_eq!(took, Duration::from_secs(50)); // exactly, and at once
/// ```
pub fn paused_runtime() -> Runtime {
    Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .expect("a current-thread tokio runtime with a paused clock")
}

/// Runs `future` to its end on a fresh [`paused_runtime`], on the calling thread.
///
/// The same as `paused_runtime().block_on(future)`, but the runtime's machinery is compiled
/// once, here: `block_on` compiled for each test's own future type made up a good part of a
/// chapter's test code to compile after every edit of the learner's.
pub fn run_paused<T: 'static>(future: impl Future<Output = T>) -> T {
    let erased = run_paused_erased(Box::pin(
        async move { Box::new(future.await) as Box<dyn Any> },
    ));
    *erased
        .downcast::<T>()
        .expect("the runtime returns what the future returned")
}

fn run_paused_erased(future: Pin<Box<dyn Future<Output = Box<dyn Any>> + '_>>) -> Box<dyn Any> {
    paused_runtime().block_on(future)
}
