"""Exercise 8.5 (Python): FizzBuzz on four threads.
Book: src/ch08/05-fizz-buzz.md

Four threads share one FizzBuzz(n) and print FizzBuzz from 1 to n: fizz() prints "fizz" for
multiples of 3 (not 5), buzz() "buzz" for multiples of 5 (not 3), fizzbuzz() "fizzbuzz" for
multiples of 15, number() every other number. All four return at the end.
"""

import threading


def kind_of(number):
    if number % 15 == 0:
        return "fizzbuzz"
    if number % 3 == 0:
        return "fizz"
    if number % 5 == 0:
        return "buzz"
    return "number"


class FizzBuzz(object):
    def __init__(self, n):
        self.n = n
        self._current = 1
        self._changed = threading.Condition()

    def _serve(self, kind, print_it):
        with self._changed:
            while True:
                # Wait for a number of my kind, or for the end of the count.
                while self._current <= self.n and kind_of(self._current) != kind:
                    self._changed.wait()
                if self._current > self.n:
                    return
                print_it(self._current)
                self._current += 1
                # The next number may belong to any of the other three: wake them all.
                self._changed.notify_all()

    def fizz(self, print_fizz):
        self._serve("fizz", lambda _: print_fizz())

    def buzz(self, print_buzz):
        self._serve("buzz", lambda _: print_buzz())

    def fizzbuzz(self, print_fizzbuzz):
        self._serve("fizzbuzz", lambda _: print_fizzbuzz())

    def number(self, print_number):
        self._serve("number", print_number)
