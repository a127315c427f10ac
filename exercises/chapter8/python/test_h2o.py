"""Drill 8.4 (Python): atoms leave only as whole water molecules."""

import random

import harness

HANG_HINT = (
    "atoms wait for a molecule that never completes: after a molecule has left, the waiting "
    "atoms must be woken (notify_all) to take the freed places, and each wait belongs in a "
    "while loop"
)


def arrival_orders(molecules, seed):
    atoms = ["H"] * (2 * molecules) + ["O"] * molecules
    orders = [
        ("every hydrogen first", sorted(atoms, reverse=False)),
        ("every oxygen first", sorted(atoms, reverse=True)),
        ("H, H, O, H, H, O, ...", ["H", "H", "O"] * molecules),
    ]
    shuffler = random.Random(seed)
    for number in range(3):
        shuffled = list(atoms)
        shuffler.shuffle(shuffled)
        orders.append(("shuffled order {}".format(number + 1), shuffled))
    return orders


class H2OTests(harness.DrillTest):
    drill_id = "8.4"

    def test_every_three_releases_are_one_water_molecule(self):
        molecules = random.randint(3, 5)
        for name, order in arrival_orders(molecules, random.randrange(1000)):
            for start in harness.START_STYLES:
                h2o = harness.make(self.drill, self.module.H2O)
                printed = harness.Printed()
                atoms = [
                    (lambda: h2o.hydrogen(printed.printer("H")))
                    if atom == "H"
                    else (lambda: h2o.oxygen(printed.printer("O")))
                    for atom in order
                ]
                harness.run_threads(self.drill, atoms, start, HANG_HINT)
                released = printed.text()
                groups = [released[at:at + 3] for at in range(0, len(released), 3)]
                bad = [group for group in groups if sorted(group) != ["H", "H", "O"]]
                self.drill.check(
                    len(released) == 3 * molecules and not bad,
                    "{} molecules arriving in {} ({} start): the atoms left as {} (every three "
                    "must be two H and one O)".format(molecules, name, start, " ".join(groups)),
                )
