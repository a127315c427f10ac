"""Drill 8.3 (Python): 0 1 0 2 0 3 ..., whatever order the three threads start in."""

import itertools
import random

import harness

HANG_HINT = (
    "a thread waits for a number that is never announced, or a thread with nothing left to "
    "print never returns (for n = 1, `even` prints nothing and must still return); check your "
    "condition in a while loop around wait()"
)


def expected(n):
    return "".join("0{}".format(number) for number in range(1, n + 1))


class ZeroEvenOddTests(harness.DrillTest):
    drill_id = "8.3"

    def test_zeros_lead_every_number_in_every_start_order(self):
        for n in (1, 2, 7, random.randint(8, 20)):
            for order in itertools.permutations(["zero", "even", "odd"]):
                for start in harness.START_STYLES:
                    zero_even_odd = harness.make(self.drill, self.module.ZeroEvenOdd, n)
                    printed = harness.Printed()
                    number = printed.printer("{}")
                    calls = {
                        "zero": lambda: zero_even_odd.zero(number),
                        "even": lambda: zero_even_odd.even(number),
                        "odd": lambda: zero_even_odd.odd(number),
                    }
                    harness.run_threads(self.drill, [calls[name] for name in order], start, HANG_HINT)
                    self.drill.check(
                        printed.text() == expected(n),
                        "for n = {}, started {} in the order {}, the threads printed {!r} "
                        "instead of {!r}".format(n, start, ", ".join(order), printed.text(), expected(n)),
                    )
