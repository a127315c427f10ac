"""Drill 8.5 (Python): four threads print FizzBuzz in order, and all four return."""

import itertools
import random

import harness

HANG_HINT = (
    "a thread whose kind never comes again waits forever: every thread must notice that the "
    "count is over (wake them all when a number is printed, and check for the end in a while "
    "loop around wait())"
)

KINDS = ["fizz", "buzz", "fizzbuzz", "number"]


def expected(n):
    words = []
    for number in range(1, n + 1):
        if number % 15 == 0:
            words.append("fizzbuzz")
        elif number % 3 == 0:
            words.append("fizz")
        elif number % 5 == 0:
            words.append("buzz")
        else:
            words.append(str(number))
    return " ".join(words)


class FizzBuzzTests(harness.DrillTest):
    drill_id = "8.5"

    def printed(self, n, order, start):
        fizz_buzz = harness.make(self.drill, self.module.FizzBuzz, n)
        printed = harness.Printed()
        calls = {
            "fizz": lambda: fizz_buzz.fizz(printed.printer("fizz ")),
            "buzz": lambda: fizz_buzz.buzz(printed.printer("buzz ")),
            "fizzbuzz": lambda: fizz_buzz.fizzbuzz(printed.printer("fizzbuzz ")),
            "number": lambda: fizz_buzz.number(printed.printer("{} ")),
        }
        harness.run_threads(self.drill, [calls[kind] for kind in order], start, HANG_HINT)
        return printed.text().strip()

    def check(self, n, order, start):
        printed = self.printed(n, order, start)
        self.drill.check(
            printed == expected(n),
            "for n = {}, started {} in the order {}, the threads printed {!r}".format(
                n, start, ", ".join(order), printed
            ),
        )

    def test_fifteen_in_all_24_start_orders(self):
        for order in itertools.permutations(KINDS):
            for start in harness.START_STYLES:
                self.check(15, order, start)

    def test_a_count_nobody_knows_in_advance(self):
        for n in (1, random.randint(16, 45)):
            self.check(n, KINDS, "together")
