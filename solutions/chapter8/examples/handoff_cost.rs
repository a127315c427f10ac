//! What one hand-over between two threads costs: the price a GIL pays at every forced switch,
//! and the reason CPython switches every 5 ms rather than after every instruction.
//!
//! Two threads pass a turn back and forth: with the `FooBar` of exercise 8.2 (a mutex and a
//! condition variable), and with a pair of channels. A lone thread locking and unlocking an
//! uncontended mutex is the baseline.
//!
//!     cargo run --release -p chapter8-solution --example handoff_cost

use std::sync::Mutex;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use chapter8::foo_bar::FooBar;
use support::testkit::median;

const ROUNDS: usize = 100_000;

/// One way of passing the turn, timed.
type Experiment = fn() -> Duration;
const RUNS: usize = 5;

/// `ROUNDS` round trips of the turn between two threads: 2 x `ROUNDS` hand-overs.
fn condvar_turns() -> Duration {
    let foo_bar = FooBar::new(ROUNDS);
    let start = Instant::now();
    thread::scope(|scope| {
        scope.spawn(|| foo_bar.bar(|| {}));
        foo_bar.foo(|| {});
    });
    start.elapsed()
}

fn channel_turns() -> Duration {
    let (to_other, from_main) = mpsc::channel::<()>();
    let (to_main, from_other) = mpsc::channel::<()>();
    let start = Instant::now();
    thread::scope(|scope| {
        scope.spawn(move || {
            for () in from_main.iter() {
                if to_main.send(()).is_err() {
                    return;
                }
            }
        });
        for _ in 0..ROUNDS {
            to_other.send(()).expect("the other thread is alive");
            from_other.recv().expect("the other thread answers");
        }
        drop(to_other);
    });
    start.elapsed()
}

fn uncontended_lock() -> Duration {
    let lock = Mutex::new(0_u64);
    let start = Instant::now();
    for _ in 0..2 * ROUNDS {
        *std::hint::black_box(&lock).lock().unwrap() += 1;
    }
    start.elapsed()
}

fn main() {
    println!("{} hand-overs each (median of {RUNS} runs)\n", 2 * ROUNDS);
    println!("mechanism                                    | total (ms) | per hand-over (ns)");
    println!("---------------------------------------------|------------|-------------------");
    let rows: [(&str, Experiment); 3] = [
        (
            "one thread, uncontended mutex (no hand-over)",
            uncontended_lock,
        ),
        ("two threads, mutex + condvar (drill 8.2)", condvar_turns),
        ("two threads, a pair of channels", channel_turns),
    ];
    for (name, run) in rows {
        let time = median((0..RUNS).map(|_| run()));
        println!(
            "{name:<44} | {:>10.1} | {:>18.0}",
            time.as_secs_f64() * 1e3,
            time.as_secs_f64() * 1e9 / (2 * ROUNDS) as f64
        );
    }
}
