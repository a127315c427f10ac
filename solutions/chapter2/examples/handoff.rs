//! Real threads, a real lock, the two switching rules of chapter 2, measured.
//!
//!     cargo run --release -p chapter2-solution --example handoff
//!
//! Two experiments per rule, each run several times (the table shows medians; the baseline,
//! the I/O-like thread alone, runs once):
//! 1. Two CPU-bound threads share the GIL for a while: how often does it change hands?
//! 2. An I/O-like thread (sleep 200 us without the GIL, then a little work with it) beside a
//!    CPU-bound thread: how long does it wait to get the GIL back after each "I/O"?
//!
//! The GILs here follow CPython: `TickGil` is the pre-3.2 rule (release and at once re-take
//! every 100 "ticks"), `IntervalGil` the 3.2+ one from `Python/ceval_gil.c` (timed wait, drop
//! request, forced switch). Numbers depend on the machine and its load; that is why they are
//! printed, not asserted.

use std::hint::black_box;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};
use support::testkit::median;

const RUN_FOR: Duration = Duration::from_millis(1000);
const RUNS: usize = 3;
const IO_TIME: Duration = Duration::from_micros(200);
const TICKS_PER_CHECK: u32 = 100;

/// The GIL's shared state, guarded by one mutex, as in `Python/ceval_gil.c`.
#[derive(Default)]
struct State {
    locked: bool,
    last_holder: Option<usize>,
    switch_number: u64,
}

/// A GIL with one of the two switching rules.
struct Gil {
    state: Mutex<State>,
    /// Signalled when the GIL is released.
    cond: Condvar,
    /// Signalled when a thread takes the GIL (the forced switch waits on it).
    switch_cond: Condvar,
    drop_request: AtomicBool,
    /// `None`: the tick rule. `Some(interval)`: the interval rule.
    interval: Option<Duration>,
}

impl Gil {
    fn new(interval: Option<Duration>) -> Self {
        Self {
            state: Mutex::default(),
            cond: Condvar::new(),
            switch_cond: Condvar::new(),
            drop_request: AtomicBool::new(false),
            interval,
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// take_gil(): wait while it is locked; under the interval rule, a wait of one interval
    /// that saw no switch sets the drop request.
    fn take(&self, me: usize) {
        let mut state = self.state();
        while state.locked {
            match self.interval {
                None => state = self.cond.wait(state).unwrap_or_else(|p| p.into_inner()),
                Some(interval) => {
                    let seen = state.switch_number;
                    let (next, waited) = self
                        .cond
                        .wait_timeout(state, interval)
                        .unwrap_or_else(|p| p.into_inner());
                    state = next;
                    if waited.timed_out() && state.locked && state.switch_number == seen {
                        self.drop_request.store(true, Ordering::Release);
                    }
                }
            }
        }
        state.locked = true;
        if state.last_holder != Some(me) {
            state.last_holder = Some(me);
            state.switch_number += 1;
        }
        self.drop_request.store(false, Ordering::Release);
        self.switch_cond.notify_all();
    }

    /// drop_gil(): release and wake a waiter. `forced`: wait until another thread took it.
    fn release(&self, me: usize, forced: bool) {
        let mut state = self.state();
        state.locked = false;
        self.cond.notify_one();
        while forced && state.last_holder == Some(me) {
            // Bounded, so that a waiter that went away cannot hang us.
            let (next, _) = self
                .switch_cond
                .wait_timeout(state, Duration::from_millis(50))
                .unwrap_or_else(|p| p.into_inner());
            state = next;
            if !state.locked {
                break;
            }
        }
    }

    fn switches(&self) -> u64 {
        self.state().switch_number
    }
}

/// A thread running Python: holds the GIL, and checks for a switch after every tick of work.
struct Holder<'gil> {
    gil: &'gil Gil,
    me: usize,
    ticks_left: u32,
}

impl<'gil> Holder<'gil> {
    fn attach(gil: &'gil Gil, me: usize) -> Self {
        gil.take(me);
        Self {
            gil,
            me,
            ticks_left: TICKS_PER_CHECK,
        }
    }

    /// One "bytecode" worth of work, then the eval-breaker check.
    fn tick(&mut self) {
        black_box((0..20u64).fold(self.me as u64, |acc, x| {
            acc.wrapping_mul(31).wrapping_add(x)
        }));
        match self.gil.interval {
            None => {
                self.ticks_left -= 1;
                if self.ticks_left == 0 {
                    self.ticks_left = TICKS_PER_CHECK;
                    // The old rule: release, then at once try to take it back. No hand-off.
                    self.gil.release(self.me, false);
                    self.gil.take(self.me);
                }
            }
            Some(_) => {
                if self.gil.drop_request.load(Ordering::Acquire) {
                    self.gil.release(self.me, true);
                    self.gil.take(self.me);
                }
            }
        }
    }

    /// Py_BEGIN_ALLOW_THREADS ... Py_END_ALLOW_THREADS around `blocking`. Returns how long it
    /// took to get the GIL back once `blocking` was done.
    fn detach(&mut self, blocking: impl FnOnce()) -> Duration {
        self.gil.release(self.me, false);
        blocking();
        let back = Instant::now();
        self.gil.take(self.me);
        back.elapsed()
    }
}

impl Drop for Holder<'_> {
    fn drop(&mut self) {
        self.gil.release(self.me, false);
    }
}

/// A CPU-bound thread: ticks until `stop`. Returns the ticks it did.
fn cpu_bound(gil: &Gil, me: usize, stop: &AtomicBool) -> u64 {
    let mut holder = Holder::attach(gil, me);
    let mut ticks = 0;
    while !stop.load(Ordering::Relaxed) {
        holder.tick();
        ticks += 1;
    }
    ticks
}

/// Experiment 1: hand-offs per second between two CPU-bound threads.
fn two_cpu_threads(interval: Option<Duration>) -> f64 {
    let gil = Gil::new(interval);
    let stop = AtomicBool::new(false);
    let started = Instant::now();
    thread::scope(|scope| {
        for me in 0..2 {
            let (gil, stop) = (&gil, &stop);
            scope.spawn(move || cpu_bound(gil, me, stop));
        }
        thread::sleep(RUN_FOR);
        stop.store(true, Ordering::Relaxed);
    });
    gil.switches().saturating_sub(1) as f64 / started.elapsed().as_secs_f64()
}

/// What the I/O-like thread saw.
struct IoResult {
    latencies: Vec<Duration>,
    seconds: f64,
}

/// Experiment 2: the I/O-like thread's wait for the GIL after each "I/O", with or without a
/// CPU-bound thread beside it.
fn io_beside_cpu(interval: Option<Duration>, with_cpu_thread: bool) -> IoResult {
    let gil = Gil::new(interval);
    let stop = AtomicBool::new(false);
    let started = Instant::now();
    let latencies = thread::scope(|scope| {
        if with_cpu_thread {
            scope.spawn(|| cpu_bound(&gil, 0, &stop));
        }
        let io = scope.spawn(|| {
            let mut holder = Holder::attach(&gil, 1);
            let mut latencies = Vec::new();
            while started.elapsed() < RUN_FOR {
                latencies.push(holder.detach(|| thread::sleep(IO_TIME)));
                (0..10).for_each(|_| holder.tick());
            }
            latencies
        });
        let latencies = io.join().expect("the I/O thread panicked");
        stop.store(true, Ordering::Relaxed);
        latencies
    });
    IoResult {
        latencies,
        seconds: started.elapsed().as_secs_f64(),
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn micros(d: Duration) -> String {
    format!("{:.0}", d.as_secs_f64() * 1e6)
}

fn main() {
    let rules: [(&str, Option<Duration>); 3] = [
        ("ticks: check every 100 (pre-3.2)", None),
        (
            "interval 5 ms (3.2+ default)",
            Some(Duration::from_millis(5)),
        ),
        ("interval 1 ms", Some(Duration::from_millis(1))),
    ];
    println!(
        "{} runs of {} ms each, medians; I/O = sleep {} us without the GIL",
        RUNS,
        RUN_FOR.as_millis(),
        IO_TIME.as_micros()
    );
    println!(
        "{:<34} {:>14} {:>12} {:>12} {:>12} {:>10}",
        "rule", "hand-offs/s", "I/O wait", "I/O wait", "I/O wait", "I/O ops/s"
    );
    println!(
        "{:<34} {:>14} {:>12} {:>12} {:>12} {:>10}",
        "", "(2 CPU thr.)", "median us", "p90 us", "max us", "beside CPU"
    );
    let alone = io_beside_cpu(Some(Duration::from_millis(5)), false);
    print_row("I/O thread alone (no CPU thread)", None, &[alone]);
    for (name, interval) in rules {
        let handoffs = median((0..RUNS).map(|_| two_cpu_threads(interval)));
        let io: Vec<IoResult> = (0..RUNS).map(|_| io_beside_cpu(interval, true)).collect();
        print_row(name, Some(handoffs), &io);
    }
}

/// One table row; the I/O columns are the medians over the runs.
fn print_row(name: &str, handoffs: Option<f64>, runs: &[IoResult]) {
    let median_of = |pick: &dyn Fn(&IoResult) -> f64| median(runs.iter().map(pick));
    let sorted = |run: &IoResult| {
        let mut latencies = run.latencies.clone();
        latencies.sort();
        latencies
    };
    let p50 = median_of(&|run| percentile(&sorted(run), 0.5).as_secs_f64());
    let p90 = median_of(&|run| percentile(&sorted(run), 0.9).as_secs_f64());
    let max = median_of(&|run| percentile(&sorted(run), 1.0).as_secs_f64());
    let ops = median_of(&|run| run.latencies.len() as f64 / run.seconds);
    println!(
        "{:<34} {:>14} {:>12} {:>12} {:>12} {:>10.0}",
        name,
        handoffs.map_or("-".to_owned(), |h| format!("{h:.0}")),
        micros(Duration::from_secs_f64(p50)),
        micros(Duration::from_secs_f64(p90)),
        micros(Duration::from_secs_f64(max)),
        ops
    );
}
