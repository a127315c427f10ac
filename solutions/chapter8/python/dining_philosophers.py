"""Exercise 8.6 (Python): the dining philosophers.
Book: src/ch08/06-dining-philosophers.md

Philosopher p has fork p on the left and fork (p + 1) % n on the right and needs both to eat.
Each philosopher is a thread calling wants_to_eat once per meal. No fork in two hands at once,
nobody eats without both forks, and no deadlock.
"""

import threading


class DiningTable(object):
    def __init__(self, philosophers):
        self._forks = [threading.Lock() for _ in range(philosophers)]

    def wants_to_eat(self, philosopher, pick_left, pick_right, eat, put_left, put_right):
        left = philosopher
        right = (philosopher + 1) % len(self._forks)
        # Everyone takes the lower-numbered fork first. The last philosopher's right fork is
        # fork 0, so they reach for it first, and the circle of waiting can never close.
        order = [(left, pick_left, put_left), (right, pick_right, put_right)]
        if right < left:
            order.reverse()
        (first, pick_first, _), (second, pick_second, _) = order
        with self._forks[first]:
            pick_first()
            with self._forks[second]:
                pick_second()
                eat()
                put_right()
                put_left()
