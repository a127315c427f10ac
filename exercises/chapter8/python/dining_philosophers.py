"""Exercise 8.6 (Python): the dining philosophers.
Book: src/ch08/06-dining-philosophers.md

Philosophers sit at a round table, one fork between each pair of neighbours: philosopher p has
fork p on the left and fork (p + 1) % n on the right, and needs both to eat. Each philosopher
is a thread that calls wants_to_eat once per meal. No fork is ever in two hands at once, nobody
eats without both forks, and everyone gets to eat: no deadlock.

Report each step through its callback (pick_left, pick_right, eat, put_left, put_right),
calling it while you hold the fork it names. The tests line every philosopher up behind a left
fork whenever your solution lets that happen: the classic deadlock then happens on every run.
Check with: python3 exercises/chapter8/python/check.py 8.6
"""

import threading


class DiningTable(object):
    def __init__(self, philosophers):
        # TODO: one threading.Lock per fork.
        raise NotImplementedError

    def wants_to_eat(self, philosopher, pick_left, pick_right, eat, put_left, put_right):
        # TODO: take both forks without letting a circle of waiting philosophers form.
        raise NotImplementedError
