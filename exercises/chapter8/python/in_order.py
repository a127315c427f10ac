"""Exercise 8.1 (Python): print in order.
Book: src/ch08/01-in-order.md

Three threads share one InOrder. One calls first(), one second(), one third(), in any order;
print_first must run before print_second, and that before print_third.

Use threading.Condition. The tests start the threads in all 6 orders, one at a time (each
waits before the next starts) and all at once, and wake your waits early on purpose now and
then, as a real program may be woken. Check with: python3 exercises/chapter8/python/check.py 8.1
"""

import threading


class InOrder(object):
    def __init__(self):
        # TODO: how many steps have printed, and a threading.Condition to wait for a turn.
        raise NotImplementedError

    def first(self, print_first):
        # TODO: print, count the step, wake the waiting threads.
        raise NotImplementedError

    def second(self, print_second):
        # TODO: wait until one step has printed, then the same.
        raise NotImplementedError

    def third(self, print_third):
        # TODO: wait until two steps have printed, then print.
        raise NotImplementedError
