"""Exercise 8.1 (Python): print in order.
Book: src/ch08/01-in-order.md

Three threads share one InOrder. One calls first(), one second(), one third(), in any order;
print_first must run before print_second, and that before print_third.
"""

import threading


class InOrder(object):
    def __init__(self):
        self._done = 0  # how many of the three steps have printed
        self._turn = threading.Condition()

    def _step(self, number, print_it):
        with self._turn:
            # A loop, not an if: a wake-up is only a hint that something changed.
            while self._done != number:
                self._turn.wait()
            print_it()
            self._done += 1
            # Two threads may be waiting, for different steps: wake both, let each check.
            self._turn.notify_all()

    def first(self, print_first):
        self._step(0, print_first)

    def second(self, print_second):
        self._step(1, print_second)

    def third(self, print_third):
        self._step(2, print_third)
