//! Exercise 8.4: building H2O (book: src/ch08/04-h2o.md).

use std::sync::{Arc, Mutex};

use chapter8::h2o::H2O;
use loom::thread;
use support::Exercise;

use super::every_interleaving;
use super::start_orders::{
    Outcome, Start, Task, check_all_at_once, outcome_table, printed_or_fail, start,
};

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

/// Who has arrived and who has left, checked at every release: an atom of the k-th molecule may
/// leave only once two hydrogens and one oxygen per molecule up to the k-th have arrived.
#[derive(Default)]
struct Atoms {
    arrived: String,
    released: String,
    mistake: Option<String>,
}

impl Atoms {
    fn arrive(&mut self, atom: char) {
        self.arrived.push(atom);
    }

    fn release(&mut self, atom: char) {
        self.released.push(atom);
        let molecules = self.released.len().div_ceil(3);
        let count = |atoms: &str, kind: char| atoms.chars().filter(|&a| a == kind).count();
        let (hydrogens, oxygens) = (count(&self.arrived, 'H'), count(&self.arrived, 'O'));
        if self.mistake.is_none() && (hydrogens < 2 * molecules || oxygens < molecules) {
            self.mistake = Some(format!(
                "an atom of molecule {molecules} left when only {hydrogens} hydrogen and \
                 {oxygens} oxygen atoms had arrived: an atom must wait until its molecule is \
                 complete"
            ));
        }
    }

    /// The releases cut into groups of three, each group's atoms sorted.
    fn molecules(&self) -> String {
        let released: Vec<char> = self.released.chars().collect();
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
}

/// Starts one thread per atom of `arrivals`, as `how` says, and returns the molecules released.
fn molecules_for(arrivals: &str, how: Start) -> Outcome {
    let h2o = H2O::new();
    let atoms = Mutex::new(Atoms::default());
    let atoms = &atoms;
    let names: Vec<String> = arrivals
        .chars()
        .enumerate()
        .map(|(i, atom)| format!("{atom}{i}"))
        .collect();
    let tasks: Vec<Task> = arrivals
        .chars()
        .map(|atom| -> Task {
            let h2o = &h2o;
            Box::new(move || {
                atoms.lock().unwrap().arrive(atom);
                let release = || atoms.lock().unwrap().release(atom);
                match atom {
                    'H' => h2o.hydrogen(release),
                    _ => h2o.oxygen(release),
                }
            })
        })
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    start(how, tasks).map_err(|stuck| stuck.describe(&names))?;
    let atoms = atoms.lock().unwrap();
    match &atoms.mistake {
        Some(mistake) => Err(mistake.clone()),
        None => Ok(atoms.molecules()),
    }
}

#[test]
fn every_three_atoms_released_form_one_water_molecule() {
    let runs = EXERCISE.run(|| {
        ARRIVALS
            .iter()
            .map(|arrivals| {
                let order: Vec<usize> = (0..arrivals.len()).collect();
                let label = format!("in the order {arrivals}");
                (label, molecules_for(arrivals, Start::InOrder(&order)))
            })
            .collect::<Vec<_>>()
    });
    let runs: Vec<(String, String)> = printed_or_fail(EXERCISE, runs)
        .into_iter()
        .map(|(label, molecules)| (label.replace("in the order ", ""), molecules))
        .collect();
    EXERCISE.answer_key(|| insta::assert_snapshot!(outcome_table(&runs)));
}

#[test]
fn atoms_arriving_at_the_same_moment_leave_as_water_molecules() {
    check_all_at_once(
        EXERCISE,
        vec!["HHO", "OHHHOH", "HHHHHHOOO", "OOOOOHHHHHHHHHH"],
        4,
        |how, atoms| molecules_for(atoms, how),
        |atoms| vec!["HHO"; atoms.len() / 3].join(" "),
        |atoms| atoms.to_string(),
        "the atoms left as",
    );
}

#[test]
fn every_interleaving_of_one_molecule_forms_water() {
    // At most 1 forced switch per interleaving: three atoms have too many interleavings otherwise.
    every_interleaving::check(EXERCISE, Some(1), || {
        use chapter8::under_loom::h2o::H2O;
        // std's Arc: see ex01. The record is loom's Mutex, so that loom also tries switching
        // threads between your code and the record.
        let h2o = Arc::new(H2O::new());
        let atoms = Arc::new(loom::sync::Mutex::new(Atoms::default()));
        let spawn_hydrogen = || {
            let (h2o, atoms) = (Arc::clone(&h2o), Arc::clone(&atoms));
            thread::spawn(move || {
                atoms.lock().unwrap().arrive('H');
                h2o.hydrogen(|| atoms.lock().unwrap().release('H'));
            })
        };
        let hydrogens = [spawn_hydrogen(), spawn_hydrogen()];
        atoms.lock().unwrap().arrive('O');
        h2o.oxygen(|| atoms.lock().unwrap().release('O'));
        for hydrogen in hydrogens {
            hydrogen.join().unwrap();
        }
        let atoms = atoms.lock().unwrap();
        if let Some(mistake) = &atoms.mistake {
            panic!("{mistake}");
        }
        let released = atoms.molecules();
        assert!(released == "HHO", "the atoms left as \"{released}\"");
    });
}
