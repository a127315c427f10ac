"""Exercise 8.7 (Python): a bounded blocking queue.
Book: src/ch08/07-bounded-queue.md

A first-in first-out queue of at most `capacity` items: push() waits while it is full
(backpressure), pop() waits while it is empty, len() says how many items wait now.
(queue.Queue(maxsize) is the standard library's answer; this drill builds one.)
"""

import collections
import threading


class BoundedQueue(object):
    def __init__(self, capacity):
        self.capacity = capacity
        self._items = collections.deque()
        self._lock = threading.Lock()
        # Two conditions on one lock: producers wait for room, consumers for items, and each
        # side wakes only the other.
        self._not_full = threading.Condition(self._lock)
        self._not_empty = threading.Condition(self._lock)

    def push(self, item):
        with self._not_full:
            while len(self._items) >= self.capacity:
                self._not_full.wait()
            self._items.append(item)
            self._not_empty.notify()

    def pop(self):
        with self._not_empty:
            while not self._items:
                self._not_empty.wait()
            item = self._items.popleft()
            self._not_full.notify()
            return item

    def __len__(self):
        with self._lock:
            return len(self._items)
