"""Drill 8.4 (Python): atoms leave only as whole water molecules."""

import random
import threading

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
                # Atoms that have called in, and releases that came before their molecule had
                # three atoms: the k-th release belongs to molecule k // 3, which needs
                # 3 * (k // 3 + 1) atoms to have arrived.
                lock = threading.Lock()
                arrived = [0]
                early = []

                def release(kind):
                    def leave():
                        with lock:
                            molecule = len(printed.items) // 3
                            if arrived[0] < 3 * (molecule + 1):
                                early.append((kind, arrived[0]))
                        printed.printer(kind)()
                    return leave

                def atom(kind):
                    def arrive():
                        with lock:
                            arrived[0] += 1
                        if kind == "H":
                            h2o.hydrogen(release("H"))
                        else:
                            h2o.oxygen(release("O"))
                    return arrive

                harness.run_threads(self.drill, [atom(kind) for kind in order], start, HANG_HINT)
                self.drill.check(
                    not early,
                    "{} molecules arriving in {} ({} start): an {} atom left when only {} atom(s) "
                    "had arrived; an atom may leave only once its molecule has all three".format(
                        molecules, name, start, early[0][0] if early else "", early[0][1] if early else 0
                    ),
                )
                released = printed.text()
                groups = [released[at:at + 3] for at in range(0, len(released), 3)]
                bad = [group for group in groups if sorted(group) != ["H", "H", "O"]]
                self.drill.check(
                    len(released) == 3 * molecules and not bad,
                    "{} molecules arriving in {} ({} start): the atoms left as {} (every three "
                    "must be two H and one O)".format(molecules, name, start, " ".join(groups)),
                )
