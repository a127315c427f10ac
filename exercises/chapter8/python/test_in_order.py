"""Drill 8.1 (Python): the three steps print in order, whatever order the threads start in."""

import itertools

import harness

HANG_HINT = (
    "a step waits for a turn that has already passed, or is never woken: wait in a while loop "
    "(wait() can return before your condition holds), and notify_all() after each step (two "
    "threads may be waiting, and notify() can wake the wrong one)"
)


class InOrderTests(harness.DrillTest):
    drill_id = "8.1"

    def printed_when_started(self, order, start):
        in_order = harness.make(self.drill, self.module.InOrder)
        printed = harness.Printed()
        steps = {
            "first": lambda: in_order.first(printed.printer("first")),
            "second": lambda: in_order.second(printed.printer("second")),
            "third": lambda: in_order.third(printed.printer("third")),
        }
        harness.run_threads(self.drill, [steps[name] for name in order], start, HANG_HINT)
        return printed.text()

    def test_every_start_order_prints_first_second_third(self):
        for order in itertools.permutations(["first", "second", "third"]):
            for start in harness.START_STYLES:
                printed = self.printed_when_started(order, start)
                self.drill.check(
                    printed == "firstsecondthird",
                    "with the threads started {} in the order {}, they printed {!r} (a thread "
                    "went on without its turn: wait in a while loop, since wait() can return "
                    "before your condition holds)".format(start, ", ".join(order), printed),
                )
