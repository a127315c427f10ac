"""The old GIL against the new one, measured: run it with every CPython you have.

Two experiments, in syntax that Python 2.7 accepts too, so that the GIL of 2.7 (a check every
100 "ticks", chapter 2's tick rule) and the GIL of 3.2 and later (a 5 ms switch interval with
drop requests) run the same code:

- CPU-bound: the same countdown done by one thread, then split over two threads. Under the old
  GIL on a multicore machine the two threads fight over the lock ("GIL battles") and take
  longer than one; under the new one they take about as long as one.
- Convoy: a thread doing many short waits (a 0.2 ms sleep, which releases the GIL, as a quick
  network reply would) beside a CPU-bound thread. Each wait gives the GIL away, and getting it
  back costs whatever the rule makes the waiter wait: up to a switch interval under the new GIL.

    python2.7 python/old_gil.py        # about 20 s
    python3 python/old_gil.py
    python3 python/old_gil.py --quick  # tiny inputs: checks that it runs

Prints one Markdown table row per experiment, with medians of several runs.
"""

from __future__ import division, print_function

import sys
import threading
import time

try:
    clock = time.perf_counter
except AttributeError:  # Python 2.7
    clock = time.time


def countdown(n):
    while n > 0:
        n -= 1


def cpu_bound(total, threads):
    """Seconds to count `total` down, split over `threads` threads."""
    workers = [threading.Thread(target=countdown, args=(total // threads,)) for _ in range(threads)]
    started = clock()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return clock() - started


def waits(count, beside_cpu):
    """Median microseconds per 0.2 ms sleep, alone or beside a CPU-bound thread. Every sleep
    releases the GIL and must take it back."""
    stop = [False]

    def spin():
        n = 0
        while not stop[0]:
            n += 1

    spinner = threading.Thread(target=spin)
    if beside_cpu:
        spinner.start()
        time.sleep(0.05)  # let it run before the reads start
    times = []
    for _ in range(count):
        started = clock()
        time.sleep(0.0002)
        times.append(clock() - started)
    stop[0] = True
    if beside_cpu:
        spinner.join()
    return median(times) * 1e6


def median(values):
    values = sorted(values)
    return values[len(values) // 2]


def main():
    quick = "--quick" in sys.argv
    total = 200000 if quick else 20000000
    runs = 1 if quick else 5
    count = 20 if quick else 200
    version = "%d.%d.%d" % sys.version_info[:3]
    one = median([cpu_bound(total, 1) for _ in range(runs)])
    two = median([cpu_bound(total, 2) for _ in range(runs)])
    alone = median([waits(count, False) for _ in range(runs)])
    beside = median([waits(count, True) for _ in range(runs)])
    print("| CPython | countdown, 1 thread | 2 threads | 2 threads / 1 | 0.2 ms wait alone | beside a CPU thread |")
    print("|---|---|---|---|---|---|")
    print(
        "| %s | %.0f ms | %.0f ms | %.2fx | %.0f us | %.0f us |"
        % (version, one * 1000, two * 1000, two / one, alone, beside)
    )


if __name__ == "__main__":
    main()
