"""Exercise 8.3 (Python): zero, even, odd.
Book: src/ch08/03-zero-even-odd.md

Three threads share one ZeroEvenOdd(n): one calls zero(), one even(), one odd(). Together they
print 0 1 0 2 0 3 ... 0 n: a zero before every number.
"""

import threading


class ZeroEvenOdd(object):
    def __init__(self, n):
        self.n = n
        self._next = 1  # the number the next zero leads to
        self._zero_printed = False  # whether that zero is out, so the number may follow
        self._changed = threading.Condition()

    def zero(self, print_number):
        for _ in range(self.n):
            with self._changed:
                while self._zero_printed:
                    self._changed.wait()
                print_number(0)
                self._zero_printed = True
                self._changed.notify_all()

    def _numbers(self, parity, print_number):
        for number in range(1, self.n + 1):
            if number % 2 != parity:
                continue
            with self._changed:
                while not (self._zero_printed and self._next == number):
                    self._changed.wait()
                print_number(number)
                self._next += 1
                self._zero_printed = False
                self._changed.notify_all()

    def even(self, print_number):
        self._numbers(0, print_number)

    def odd(self, print_number):
        self._numbers(1, print_number)
