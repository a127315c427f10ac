//! Exercise 8.4: building H2O (book: src/ch08/04-h2o.md).

use std::sync::Mutex;

use chapter8::h2o::H2O;
use support::Exercise;

use crate::start_orders::{Task, outcome_table, run_in_order};

const EXERCISE: Exercise = Exercise::new("8.4", "ch08/04-h2o.md").with_hang_hint(
    "atoms wait for a molecule that never completes or never empties: do the places of the next \
     molecule open once all three atoms of this one have been released, and do you wake the \
     waiting atoms when they do?",
);

/// Arrival orders of 8 hydrogen and 4 oxygen atoms: four molecules' worth.
const ARRIVALS: [&str; 8] = [
    "HHHHHHHHOOOO",
    "OOOOHHHHHHHH",
    "HOHHOHHOHHOH",
    "OHHOHHOHHOHH",
    "HHOOHHHHOOHH",
    "HOOHHHOHHOHH",
    "HHHOOOHHHHHO",
    "OHOHOHOHHHHH",
];

/// Starts one thread per atom, in the order of `arrivals`, and returns the atoms in the order
/// they were released, cut into groups of three with each group's atoms sorted.
fn molecules_for(arrivals: &str) -> String {
    let h2o = H2O::new();
    let released = Mutex::new(Vec::new());
    let release = |atom: char| released.lock().unwrap().push(atom);
    let tasks: Vec<Task> = arrivals
        .chars()
        .map(|atom| -> Task {
            match atom {
                'H' => Box::new(|| h2o.hydrogen(|| release('H'))),
                _ => Box::new(|| h2o.oxygen(|| release('O'))),
            }
        })
        .collect();
    let order: Vec<usize> = (0..tasks.len()).collect();
    run_in_order(&order, tasks);
    let released = released.into_inner().unwrap();
    released
        .chunks(3)
        .map(|group| {
            let mut atoms = group.to_vec();
            atoms.sort_unstable();
            atoms.into_iter().collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_three_atoms_released_form_one_water_molecule() {
    let runs = EXERCISE.run(|| {
        ARRIVALS
            .iter()
            .map(|arrivals| (arrivals.to_string(), molecules_for(arrivals)))
            .collect::<Vec<_>>()
    });
    EXERCISE.answer_key(|| insta::assert_snapshot!(outcome_table(&runs)));
}
