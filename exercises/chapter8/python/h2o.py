"""Exercise 8.4 (Python): building H2O.
Book: src/ch08/04-h2o.md

Every hydrogen atom is a thread that calls hydrogen(), every oxygen atom one that calls
oxygen(), arriving in any order. An atom may only leave (call its release callback) as part of
a water molecule: every three consecutive releases are two hydrogens and one oxygen. Atoms of
the next molecule wait until the current one has completely left.

Use threading.Condition. Check with: python3 exercises/chapter8/python/check.py 8.4
"""

import threading


class H2O(object):
    def __init__(self):
        # TODO: the free places of the molecule being built (two H, one O), how many of its
        # atoms have left, and a threading.Condition.
        raise NotImplementedError

    def hydrogen(self, release_hydrogen):
        # TODO: take a hydrogen place (wait for one), wait for the molecule to be complete,
        # release, and let the last atom out free the places for the next molecule.
        raise NotImplementedError

    def oxygen(self, release_oxygen):
        # TODO: the same with the oxygen place.
        raise NotImplementedError
