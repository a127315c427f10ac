"""Drill 8.2 (Python): foo and bar alternate, whichever thread starts first."""

import random

import harness

HANG_HINT = "a thread waits for its turn and the other never notifies it after its own turn"


class FooBarTests(harness.DrillTest):
    drill_id = "8.2"

    def test_foo_and_bar_alternate_whichever_thread_starts_first(self):
        # n = 1, the statement's 5, and one nobody can know in advance.
        for n in (1, 5, random.randint(6, 15)):
            for foo_first in (True, False):
                for start in harness.START_STYLES:
                    foo_bar = harness.make(self.drill, self.module.FooBar, n)
                    printed = harness.Printed()
                    foo = lambda: foo_bar.foo(printed.printer("foo"))
                    bar = lambda: foo_bar.bar(printed.printer("bar"))
                    threads = [foo, bar] if foo_first else [bar, foo]
                    harness.run_threads(self.drill, threads, start, HANG_HINT)
                    self.drill.check(
                        printed.text() == "foobar" * n,
                        "for n = {} with {} started first ({}), the threads printed {!r} "
                        "instead of 'foobar' {} times".format(
                            n, "foo" if foo_first else "bar", start, printed.text(), n
                        ),
                    )
