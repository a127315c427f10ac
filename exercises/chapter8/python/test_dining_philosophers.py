"""Drill 8.6 (Python): no fork in two hands, nobody eats without both, no deadlock."""

import threading
import time

import harness

PHILOSOPHERS = 5
MEALS = 3
HANG_HINT = (
    "every philosopher holds the left fork and waits for the right one: the classic deadlock. "
    "Break the circle (for instance, take the lower-numbered fork first)"
)


class Table(object):
    """The forks as the tests see them, through the callbacks: who holds which, checked at
    every step. It also lines everyone up behind their left fork, which makes the classic
    deadlock happen in every run where a solution allows it."""

    def __init__(self, drill, philosophers):
        self.drill = drill
        self.holder = [None] * philosophers
        self.meals = [0] * philosophers
        self.lock = threading.Lock()
        self.lined_up = threading.Condition(self.lock)
        self.left_first = 0  # philosophers holding only their left fork right now
        self.line_up_over = False
        self.violations = []

    def fork_of(self, philosopher, side):
        return philosopher if side == "left" else (philosopher + 1) % len(self.holder)

    def pick(self, philosopher, side):
        fork = self.fork_of(philosopher, side)
        with self.lock:
            if self.holder[fork] is not None:
                self.violations.append(
                    "philosopher {} picked up fork {} while philosopher {} held it".format(
                        philosopher, fork, self.holder[fork]
                    )
                )
            self.holder[fork] = philosopher
            other = self.fork_of(philosopher, "right" if side == "left" else "left")
            if self.holder[other] != philosopher:
                self.first_fork(philosopher, side)

    def first_fork(self, philosopher, side):
        """Called with the lock held, when `philosopher` has just taken their first fork."""
        if side == "right" or self.line_up_over:
            # Someone reaches right first: the circle cannot close, no line-up needed.
            self.line_up_over = True
            self.lined_up.notify_all()
            return
        self.left_first += 1
        self.lined_up.notify_all()
        # Wait (briefly) until every philosopher holds a left fork. This bound only decides
        # whether a deadlock-prone solution is caught; it never fails a right one.
        deadline = time.monotonic() + 0.3
        while not self.line_up_over and self.left_first < len(self.holder):
            left = deadline - time.monotonic()
            if left <= 0:
                break
            self.lined_up.wait(left)
        self.line_up_over = True
        self.lined_up.notify_all()

    def eat(self, philosopher):
        with self.lock:
            forks = (self.fork_of(philosopher, "left"), self.fork_of(philosopher, "right"))
            if any(self.holder[fork] != philosopher for fork in forks):
                self.violations.append(
                    "philosopher {} ate holding forks {} (held by {})".format(
                        philosopher, forks, [self.holder[fork] for fork in forks]
                    )
                )
            self.meals[philosopher] += 1

    def put(self, philosopher, side):
        fork = self.fork_of(philosopher, side)
        with self.lock:
            if self.holder[fork] != philosopher:
                self.violations.append(
                    "philosopher {} put down fork {}, which they did not hold".format(philosopher, fork)
                )
            self.holder[fork] = None


class DiningPhilosophersTests(harness.DrillTest):
    drill_id = "8.6"

    def test_everyone_eats_every_meal_with_both_forks(self):
        for first in range(PHILOSOPHERS):
            order = [(first + seat) % PHILOSOPHERS for seat in range(PHILOSOPHERS)]
            table = harness.make(self.drill, self.module.DiningTable, PHILOSOPHERS)
            forks = Table(self.drill, PHILOSOPHERS)

            def philosopher(p):
                def dine():
                    for _ in range(MEALS):
                        table.wants_to_eat(
                            p,
                            lambda: forks.pick(p, "left"),
                            lambda: forks.pick(p, "right"),
                            lambda: forks.eat(p),
                            lambda: forks.put(p, "left"),
                            lambda: forks.put(p, "right"),
                        )
                return dine

            harness.run_threads(
                self.drill, [philosopher(p) for p in order], "together", HANG_HINT
            )
            self.drill.check(not forks.violations, forks.violations[:1] and forks.violations[0])
            self.drill.check(
                forks.meals == [MEALS] * PHILOSOPHERS,
                "meals eaten per philosopher: {} (each should eat {})".format(forks.meals, MEALS),
            )
