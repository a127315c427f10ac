"""Exercise 8.3 (Python): zero, even, odd.
Book: src/ch08/03-zero-even-odd.md

Three threads share one ZeroEvenOdd(n): one calls zero(), one even(), one odd(). Together they
print 0 1 0 2 0 3 ... 0 n through the callback: a zero before every number, the zeros from the
zero thread, odd numbers from odd, even numbers from even. For n = 1 the even thread has
nothing to print and must still return.

Use threading.Condition. Check with: python3 exercises/chapter8/python/check.py 8.3
"""

import threading


class ZeroEvenOdd(object):
    def __init__(self, n):
        self.n = n
        # TODO: the next number, whether its zero is out yet, and a threading.Condition.
        raise NotImplementedError

    def zero(self, print_number):
        # TODO: n times: wait until the last number is out, print 0.
        raise NotImplementedError

    def even(self, print_number):
        # TODO: for each even number up to n: wait for its zero, print it.
        raise NotImplementedError

    def odd(self, print_number):
        # TODO: for each odd number up to n: wait for its zero, print it.
        raise NotImplementedError
