"""Exercise 8.7 (Python): a bounded blocking queue.
Book: src/ch08/07-bounded-queue.md

A first-in first-out queue of at most `capacity` items, shared by producer and consumer
threads: push() adds at the back and waits while the queue is full (backpressure), pop() takes
from the front and waits while it is empty, len() says how many items wait now.
(queue.Queue(maxsize) is the standard library's answer; this drill builds one.)

Use threading.Condition. Check with: python3 exercises/chapter8/python/check.py 8.7
"""

import collections
import threading


class BoundedQueue(object):
    def __init__(self, capacity):
        self.capacity = capacity
        self._items = collections.deque()
        # TODO: a lock, and conditions to wait for room and for items.
        raise NotImplementedError

    def push(self, item):
        # TODO: wait while full, add at the back, wake a waiting consumer.
        raise NotImplementedError

    def pop(self):
        # TODO: wait while empty, take from the front, wake a waiting producer.
        raise NotImplementedError

    def __len__(self):
        # TODO: the number of items, read under the lock.
        raise NotImplementedError
