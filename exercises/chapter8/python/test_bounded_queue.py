"""Drill 8.7 (Python): push waits when full, pop waits when empty, nothing lost or reordered."""

import random
import threading

import harness

HANG_HINT = (
    "a producer or consumer waits and is never woken: after a push, wake a waiting consumer; "
    "after a pop, wake a waiting producer; and wait in a while loop"
)


class BoundedQueueTests(harness.DrillTest):
    drill_id = "8.7"

    def waiter(self, action):
        """Starts `action` on a thread and returns it once the thread waits (or has ended)."""
        thread = threading.Thread(target=action, daemon=True)
        thread.start()
        harness.SpuriousCondition.wait_until_waiting(1, thread)
        return thread

    def test_a_full_queue_makes_the_producer_wait(self):
        capacity = random.randint(2, 5)
        queue = harness.make(self.drill, self.module.BoundedQueue, capacity)
        for item in range(capacity):
            harness.call(self.drill, queue.push, item)
        pusher = self.waiter(lambda: queue.push("one too many"))
        self.drill.check(
            pusher.is_alive(),
            "push returned while the queue already held its capacity of {} items; it must "
            "wait until a pop makes room".format(capacity),
        )
        first = harness.call(self.drill, queue.pop)
        harness.join(self.drill, pusher, HANG_HINT)
        self.drill.check(first == 0, "the first pop returned {!r}, not the first item pushed (0)".format(first))
        size = harness.call(self.drill, len, queue)
        self.drill.check(size == capacity, "len() is {} with a full queue of {}".format(size, capacity))

    def test_an_empty_queue_makes_the_consumer_wait(self):
        queue = harness.make(self.drill, self.module.BoundedQueue, 2)
        got = []
        popper = self.waiter(lambda: got.append(queue.pop()))
        self.drill.check(popper.is_alive(), "pop returned {!r} from an empty queue; it must wait for a push".format(got))
        harness.call(self.drill, queue.push, "hello")
        harness.join(self.drill, popper, HANG_HINT)
        self.drill.check(got == ["hello"], "pop returned {!r} instead of the item pushed".format(got))

    def test_many_producers_and_consumers_lose_nothing(self):
        capacity = random.randint(1, 3)
        producers, consumers, per_producer = 3, 3, random.randint(20, 40)
        queue = harness.make(self.drill, self.module.BoundedQueue, capacity)
        received = [[] for _ in range(consumers)]
        too_full = []

        def produce(producer):
            return lambda: [queue.push((producer, number)) for number in range(per_producer)]

        def consume(consumer, count):
            def run():
                for _ in range(count):
                    received[consumer].append(queue.pop())
                    size = len(queue)
                    if size > capacity:
                        too_full.append(size)
            return run

        counts = [per_producer] * consumers  # as many pops as pushes, spread evenly
        work = [produce(p) for p in range(producers)] + [consume(c, counts[c]) for c in range(consumers)]
        harness.run_threads(self.drill, work, "together", HANG_HINT)
        self.drill.check(not too_full, "the queue held {} items, more than its capacity of {}".format(max(too_full or [0]), capacity))
        everything = sorted(item for items in received for item in items)
        wanted = sorted((p, n) for p in range(producers) for n in range(per_producer))
        self.drill.check(
            everything == wanted,
            "{} items were pushed and {} popped, but not the same ones: some were lost or "
            "delivered twice".format(len(wanted), len(everything)),
        )
        for items in received:
            for producer in range(producers):
                mine = [number for (who, number) in items if who == producer]
                self.drill.check(
                    mine == sorted(mine),
                    "a consumer got producer {}'s items out of order: {}".format(producer, mine),
                )
