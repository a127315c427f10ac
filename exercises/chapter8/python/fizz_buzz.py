"""Exercise 8.5 (Python): FizzBuzz on four threads.
Book: src/ch08/05-fizz-buzz.md

Four threads share one FizzBuzz(n) and print FizzBuzz from 1 to n: fizz() prints "fizz" for
multiples of 3 (not 5), buzz() "buzz" for multiples of 5 (not 3), fizzbuzz() "fizzbuzz" for
multiples of 15, number() every other number (its callback takes the number). Each prints only
its own kind, all in order, and all four return at the end: a thread whose kind never comes
again must still notice that the count is over.

Use threading.Condition. Check with: python3 exercises/chapter8/python/check.py 8.5
"""

import threading


class FizzBuzz(object):
    def __init__(self, n):
        self.n = n
        # TODO: the current number and a threading.Condition.
        raise NotImplementedError

    def fizz(self, print_fizz):
        # TODO: for every multiple of 3 (not 15) up to n: wait for it, print, move on.
        raise NotImplementedError

    def buzz(self, print_buzz):
        # TODO: the same for multiples of 5 (not 15).
        raise NotImplementedError

    def fizzbuzz(self, print_fizzbuzz):
        # TODO: the same for multiples of 15.
        raise NotImplementedError

    def number(self, print_number):
        # TODO: the same for every other number, printing the number itself.
        raise NotImplementedError
