"""Exercise 8.2 (Python): foo and bar, alternately.
Book: src/ch08/02-foo-bar.md

Two threads share one FooBar(n): one calls foo(), the other bar(). Together they print
"foobar" n times, whichever thread starts first.
"""

import threading


class FooBar(object):
    def __init__(self, n):
        self.n = n
        self._foos_turn = True
        self._turn = threading.Condition()

    def _take_turns(self, mine, print_it):
        for _ in range(self.n):
            with self._turn:
                while self._foos_turn != mine:
                    self._turn.wait()
                print_it()
                self._foos_turn = not mine
                # One other thread, so notify() is enough; it must never be forgotten.
                self._turn.notify()

    def foo(self, print_foo):
        self._take_turns(True, print_foo)

    def bar(self, print_bar):
        self._take_turns(False, print_bar)
