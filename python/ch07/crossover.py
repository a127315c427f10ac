"""Chapter 7, mistake 2 in CPython: when is a task too small for a process pool?

    python3 python/ch07/crossover.py

The same arithmetic, cut into tasks of a given size, runs sequentially, through
`Pool(2).map(..., chunksize=1)` (one message per task), and through the same pool with chunks of
at least 10 ms of work. The pool is started once, before timing: its start-up is printed apart.
Median of 5 runs, the three ways taking turns. Standard library only.
"""

import statistics
import time
from multiprocessing import Pool

WORKERS = 2
RUNS = 5
TASK_SIZES_US = [1, 10, 100, 1000, 10000]


def spin(iterations):
    total = 0
    for n in range(iterations):
        total += n * n
    return total


def iterations_per_microsecond():
    probe = 2_000_000
    started = time.perf_counter()
    spin(probe)
    return probe / ((time.perf_counter() - started) * 1e6)


def median_ms(*ways):
    """Times each way RUNS times, taking turns so that a burst of load hits them all alike."""
    times = [[] for _ in ways]
    for _ in range(RUNS):
        for way, samples in zip(ways, times):
            started = time.perf_counter()
            way()
            samples.append(time.perf_counter() - started)
    return [statistics.median(samples) * 1e3 for samples in times]


def main():
    per_us = iterations_per_microsecond()
    started = time.perf_counter()
    with Pool(WORKERS) as pool:
        pool.map(spin, [1] * WORKERS)  # wait until both workers are up
        start_ms = (time.perf_counter() - started) * 1e3
        print(f"Pool({WORKERS}) start-up: {start_ms:.1f} ms (not counted below); "
              f"median of {RUNS} runs, about 200 ms of work per row\n")
        print("| task size | tasks | sequential ms | one message per task ms | speedup "
              "| chunks of >= 10 ms | chunksize | speedup |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|")
        for task_us in TASK_SIZES_US:
            iterations = max(1, round(task_us * per_us))
            tasks = max(20, min(20_000, 200_000 // task_us))
            items = [iterations] * tasks
            chunksize = max(1, 10_000 // task_us)
            alone, per_task, chunked = median_ms(
                lambda: [spin(i) for i in items],
                lambda: pool.map(spin, items, chunksize=1),
                lambda: pool.map(spin, items, chunksize=chunksize),
            )
            print(f"| {task_us} us | {tasks} | {alone:.1f} | {per_task:.1f} | "
                  f"{alone / per_task:.2f}x | {chunked:.1f} | {chunksize} | {alone / chunked:.2f}x |")


if __name__ == "__main__":
    main()
