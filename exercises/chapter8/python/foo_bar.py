"""Exercise 8.2 (Python): foo and bar, alternately.
Book: src/ch08/02-foo-bar.md

Two threads share one FooBar(n): one calls foo(), the other bar(). Each loops n times, printing
through its callback. Together they print "foobar" n times, whichever thread starts first:
never "foofoo", never "bar" first.

Use threading.Condition. The tests try several n (one chosen at random), either thread first,
one at a time and all at once, with early wake-ups injected on purpose.
Check with: python3 exercises/chapter8/python/check.py 8.2
"""

import threading


class FooBar(object):
    def __init__(self, n):
        self.n = n
        # TODO: whose turn it is, and a threading.Condition to wait for the turn to change.
        raise NotImplementedError

    def foo(self, print_foo):
        # TODO: n times: wait for foo's turn, print, hand the turn to bar.
        raise NotImplementedError

    def bar(self, print_bar):
        # TODO: n times: wait for bar's turn, print, hand the turn to foo.
        raise NotImplementedError
