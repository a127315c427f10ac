"""Exercise 8.4 (Python): building H2O.
Book: src/ch08/04-h2o.md

Hydrogen threads call hydrogen(), oxygen threads oxygen(), in any order. Atoms leave (call
their release callback) only as water: every three consecutive releases are two hydrogens and
one oxygen.
"""

import threading


class H2O(object):
    def __init__(self):
        self._changed = threading.Condition()
        self._hydrogen_seats = 2  # free places in the molecule being built
        self._oxygen_seats = 1
        self._released = 0  # atoms of that molecule that have left

    def _bond(self, is_hydrogen, release):
        with self._changed:
            # Take a seat in the current molecule; atoms of the next one wait for it to leave.
            while (self._hydrogen_seats if is_hydrogen else self._oxygen_seats) == 0:
                self._changed.wait()
            if is_hydrogen:
                self._hydrogen_seats -= 1
            else:
                self._oxygen_seats -= 1
            # Leave together: wait until all three seats are taken...
            while self._hydrogen_seats + self._oxygen_seats > 0:
                self._changed.wait()
            release()
            self._released += 1
            # ...and the last to leave frees the seats for the next molecule.
            if self._released == 3:
                self._hydrogen_seats, self._oxygen_seats, self._released = 2, 1, 0
            self._changed.notify_all()

    def hydrogen(self, release_hydrogen):
        self._bond(True, release_hydrogen)

    def oxygen(self, release_oxygen):
        self._bond(False, release_oxygen)
