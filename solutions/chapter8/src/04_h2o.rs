//! Exercise 8.4: building H2O.
//! Book: src/ch08/04-h2o.md

use super::sync::{Condvar, Mutex};

// ANCHOR: solution
/// Hydrogen and oxygen threads arrive in any order; they leave in molecules: every group of
/// three consecutive `release` calls is two hydrogens and one oxygen.
pub struct H2O {
    molecule: Mutex<Molecule>,
    changed: Condvar,
}

/// The molecule being built: free places, who has joined, who has left.
struct Molecule {
    hydrogen_places: usize,
    oxygen_places: usize,
    joined: usize,
    released: usize,
}

impl Molecule {
    const ATOMS: usize = 3;

    fn empty() -> Self {
        Self {
            hydrogen_places: 2,
            oxygen_places: 1,
            joined: 0,
            released: 0,
        }
    }

    fn places(&mut self, atom: Atom) -> &mut usize {
        match atom {
            Atom::Hydrogen => &mut self.hydrogen_places,
            Atom::Oxygen => &mut self.oxygen_places,
        }
    }
}

#[derive(Clone, Copy)]
enum Atom {
    Hydrogen,
    Oxygen,
}

impl H2O {
    pub fn new() -> Self {
        Self {
            molecule: Mutex::new(Molecule::empty()),
            changed: Condvar::new(),
        }
    }

    pub fn hydrogen(&self, release_hydrogen: impl FnOnce()) {
        self.bond(Atom::Hydrogen, release_hydrogen);
    }

    pub fn oxygen(&self, release_oxygen: impl FnOnce()) {
        self.bond(Atom::Oxygen, release_oxygen);
    }

    fn bond(&self, atom: Atom, release: impl FnOnce()) {
        let mut molecule = self.molecule.lock().unwrap();
        // 1. Wait for a free place of my kind in the current molecule, and take it.
        while *molecule.places(atom) == 0 {
            molecule = self.changed.wait(molecule).unwrap();
        }
        *molecule.places(atom) -= 1;
        molecule.joined += 1;
        self.changed.notify_all();
        // 2. Wait until the molecule is complete.
        while molecule.joined < Molecule::ATOMS {
            molecule = self.changed.wait(molecule).unwrap();
        }
        // 3. Leave. The places of the next molecule open only when all three have left, so no
        //    atom of the next molecule can be released in between.
        release();
        molecule.released += 1;
        if molecule.released == Molecule::ATOMS {
            *molecule = Molecule::empty();
            self.changed.notify_all();
        }
    }
}
// ANCHOR_END: solution

impl Default for H2O {
    fn default() -> Self {
        Self::new()
    }
}
