//! Starting threads in a chosen order, and tabulating what each order produced.
//!
//! Most concurrency bugs in these drills hide when the threads happen to arrive in the order the
//! problem prints in. So every test starts its threads in many orders, and gives each thread a
//! head start: the next thread starts only when the previous one has finished, or has been
//! blocked for a moment ([`HEAD_START`]). A correct solution gives the same answer for every
//! order; the head start only makes a wrong one show itself.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// How long a thread may run alone before the next one starts. It only decides how hard the test
/// pushes a wrong solution; a correct one passes whatever the value.
pub const HEAD_START: Duration = Duration::from_millis(3);

/// A task to run on a thread of its own.
pub type Task<'a> = Box<dyn FnOnce() + Send + 'a>;

/// Runs every task on its own thread, starting them in `order` (indices into `tasks`) with a
/// head start each, and returns when all have finished.
pub fn run_in_order<'a>(order: &[usize], tasks: Vec<Task<'a>>) {
    let mut tasks: Vec<Option<Task<'a>>> = tasks.into_iter().map(Some).collect();
    thread::scope(|scope| {
        for &index in order {
            let task = tasks[index]
                .take()
                .expect("each task appears once in the order");
            let (finished, wait_for_it) = mpsc::channel();
            scope.spawn(move || {
                task();
                let _ = finished.send(());
            });
            // Finished, blocked, or panicked: either way, start the next one.
            let _ = wait_for_it.recv_timeout(HEAD_START);
        }
    });
}

/// Every order of `0..n`, in lexicographic order.
pub fn permutations(n: usize) -> Vec<Vec<usize>> {
    fn extend(prefix: &mut Vec<usize>, n: usize, all: &mut Vec<Vec<usize>>) {
        if prefix.len() == n {
            all.push(prefix.clone());
            return;
        }
        for next in 0..n {
            if !prefix.contains(&next) {
                prefix.push(next);
                extend(prefix, n, all);
                prefix.pop();
            }
        }
    }
    let mut all = Vec::new();
    extend(&mut Vec::new(), n, &mut all);
    all
}

/// A table of outcomes: each distinct outcome once, with how many start orders produced it and
/// the first of them. A correct solution has exactly one row.
pub fn outcome_table(runs: &[(String, String)]) -> String {
    let mut by_outcome: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (order, outcome) in runs {
        by_outcome.entry(outcome).or_default().push(order);
    }
    let width = by_outcome
        .keys()
        .map(|outcome| outcome.len())
        .max()
        .unwrap_or(0)
        .max(7);
    let mut table = format!(
        "{:<width$} | start orders | for example\n{:-<width$}-|--------------|------------\n",
        "printed", ""
    );
    for (outcome, orders) in by_outcome {
        let count = format!("{} of {}", orders.len(), runs.len());
        table.push_str(&format!(
            "{outcome:<width$} | {count:<12} | {}\n",
            orders[0]
        ));
    }
    table
}
