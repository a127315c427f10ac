"""The Python side of chapter 3: the classic tutorial's experiments, measured on your machine.

CPU-bound work (one thread, threads, processes), I/O-bound work (one request after another,
threads, asyncio) against a local server that answers after a fixed latency, and mixed work
(each request followed by some computation). Prints a Markdown table in the same format as the
Rust example (`cargo run --release -p chapter3-solution --example impact`). Its last column,
"cores busy", is the CPU time of the lab (all its threads, and its pool's finished processes)
over the wall-clock time: about 1.00 for work that keeps one core busy.

    python3 python/gil_lab.py              # the full lab: about 30 s on 2 cores
    python3 python/gil_lab.py --quick      # tiny inputs, one run: checks that it works
    python3.14t python/gil_lab.py          # a free-threaded build: no GIL
    python3.14t -X gil=1 python/gil_lab.py # the same build with the GIL switched back on

Standard library only. The server (latency_server.py) binds 127.0.0.1 on a port the system
picks and runs in a process of its own; every request has a timeout.
"""

import argparse
import asyncio
import concurrent.futures
import http.client
import os
import statistics
import subprocess
import sys
import sysconfig
import threading
import time

try:
    import resource  # Unix only: the CPU time of finished child processes
except ImportError:
    resource = None

HERE = os.path.dirname(os.path.abspath(__file__))
TIMEOUT_SECONDS = 10


# --- the work ------------------------------------------------------------------------------


def cpu_bound_task(n):
    """The classic tutorial's CPU-bound task: pure Python arithmetic, the GIL held all along."""
    count = 0
    for i in range(n):
        count += i**2
    return count


def fetch(port):
    """One GET to the local server; the socket calls release the GIL while they wait."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT_SECONDS)
    try:
        connection.request("GET", "/")
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    if response.status != 200:
        raise RuntimeError(f"the local server answered {response.status}")
    return len(body)


async def fetch_async(port):
    """The same GET with asyncio streams: one thread, the waits overlap in the event loop."""

    async def exchange():
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            writer.write(b"GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
            await writer.drain()
            reply = await reader.read()  # HTTP/1.0: the server closes when it is done
        finally:
            writer.close()
            await writer.wait_closed()
        if not reply.startswith(b"HTTP/1.0 200"):
            raise RuntimeError(f"the local server answered {reply[:20]!r}")
        return len(reply.split(b"\r\n\r\n", 1)[1])

    return await asyncio.wait_for(exchange(), TIMEOUT_SECONDS)


def on_threads(jobs):
    """Runs each job on a thread of its own, as the classic tutorial does; returns their results in order."""
    results = [None] * len(jobs)
    errors = []

    def run(index, job):
        try:
            results[index] = job()
        except Exception as error:  # reported by the main thread below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT_SECONDS * 10)
    if errors:
        raise errors[0]
    return results


# --- the experiments -----------------------------------------------------------------------


def cpu_experiments(n, tasks):
    expected = [cpu_bound_task(n)] * tasks

    def one_thread():
        return [cpu_bound_task(n) for _ in range(tasks)]

    def threads():
        return on_threads([lambda: cpu_bound_task(n)] * tasks)

    def processes():
        # The pool starts inside the measurement: starting processes is part of their cost.
        with concurrent.futures.ProcessPoolExecutor(max_workers=tasks) as pool:
            return list(pool.map(cpu_bound_task, [n] * tasks))

    return [
        ("cpu-bound", f"one thread, {tasks} tasks in turn", 1, one_thread, expected, True),
        ("cpu-bound", f"{tasks} threads", tasks, threads, expected, False),
        ("cpu-bound", f"{tasks} processes (pool start included)", tasks, processes, expected, False),
    ]


def io_experiments(port, requests):
    expected = [3] * requests

    def single():
        return [fetch(port)]

    def one_after_another():
        return [fetch(port) for _ in range(requests)]

    def threads():
        return on_threads([lambda: fetch(port)] * requests)

    def with_asyncio():
        async def main():
            return await asyncio.gather(*(fetch_async(port) for _ in range(requests)))

        return asyncio.run(main())

    return [
        ("io-bound", "a single request", 1, single, [3], None),
        ("io-bound", "one request after another", 1, one_after_another, expected, True),
        ("io-bound", f"{requests} threads", requests, threads, expected, False),
        ("io-bound", f"asyncio, {requests} tasks", requests, with_asyncio, expected, False),
    ]


def mixed_experiments(port, requests, n):
    def job():
        # Wait for the network (the GIL is released), then compute (the GIL is held).
        return fetch(port), cpu_bound_task(n)

    expected = [(3, cpu_bound_task(n))] * requests

    def one_after_another():
        return [job() for _ in range(requests)]

    def threads():
        return on_threads([job] * requests)

    def with_asyncio():
        async def one():
            size = await fetch_async(port)
            return size, cpu_bound_task(n)  # the computation blocks the event loop meanwhile

        async def main():
            return await asyncio.gather(*(one() for _ in range(requests)))

        return asyncio.run(main())

    return [
        ("mixed", "one request after another", 1, one_after_another, expected, True),
        ("mixed", f"{requests} threads", requests, threads, expected, False),
        ("mixed", f"asyncio, {requests} tasks", requests, with_asyncio, expected, False),
    ]


# --- measuring and printing ----------------------------------------------------------------


def cpu_seconds():
    """CPU time used so far by this process (all its threads) and its finished children."""
    total = time.process_time()
    if resource is not None:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        total += children.ru_utime + children.ru_stime
    return total


def measure(experiments, runs):
    """Runs every experiment once per round, round after round; returns each one's median
    wall-clock time and how many cores were busy (CPU time over wall-clock time).

    Interleaving the rounds spreads a change in the machine's load over all rows alike."""
    wall = [[] for _ in experiments]
    cpu = [[] for _ in experiments]
    for _ in range(runs):
        for index, (_, _, _, run, expected, _) in enumerate(experiments):
            start, cpu_start = time.perf_counter(), cpu_seconds()
            result = run()
            wall[index].append((time.perf_counter() - start) * 1000.0)
            cpu[index].append((cpu_seconds() - cpu_start) * 1000.0)
            if list(result) != expected:
                raise RuntimeError(f"wrong result {result!r}, expected {expected!r}")
    measured = []
    for index, (workload, how, workers, _, _, baseline) in enumerate(experiments):
        median_ms = statistics.median(wall[index])
        cores_busy = statistics.median(cpu[index]) / median_ms
        measured.append((workload, how, workers, median_ms, cores_busy, baseline))
    return measured


class LatencyServer:
    """latency_server.py in a child process; closing its stdin stops it."""

    def __init__(self, latency_ms):
        self.process = subprocess.Popen(
            [sys.executable, os.path.join(HERE, "latency_server.py"), "--latency-ms", str(latency_ms)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        first_line = self.process.stdout.readline().split()
        if len(first_line) != 2 or first_line[0] != "port":
            self.close()
            raise RuntimeError("the local latency server did not start")
        self.port = int(first_line[1])

    def close(self):
        self.process.stdin.close()
        try:
            self.process.wait(TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def describe_python():
    build_free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    gil_enabled = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True
    if build_free_threaded:
        gil = "GIL disabled (free-threaded build)" if not gil_enabled else "GIL enabled (free-threaded build, GIL switched back on)"
    else:
        gil = "GIL enabled (this build cannot switch it off)"
    version = sys.version.split()[0]
    return f"{sys.implementation.name} {version}, {gil}, {os.cpu_count()} CPUs"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", default=os.environ.get("GIL_LAB_QUICK") == "1",
                        help="tiny inputs and one run (also GIL_LAB_QUICK=1)")
    parser.add_argument("--runs", type=int, help="runs per experiment; the table shows the median")
    parser.add_argument("--n", type=int, help="numbers per CPU-bound task (the classic tutorial's 10,000,000)")
    parser.add_argument("--requests", type=int, help="requests per I/O experiment")
    parser.add_argument("--latency-ms", type=float, help="the local server's latency")
    parser.add_argument("--mixed-n", type=int, help="numbers summed after each mixed request")
    args = parser.parse_args()

    quick = args.quick
    runs = args.runs or (1 if quick else 5)
    n = args.n or (20_000 if quick else 10_000_000)
    requests = args.requests or (4 if quick else 10)
    latency_ms = args.latency_ms or (10.0 if quick else 50.0)
    mixed_n = args.mixed_n or (2_000 if quick else 200_000)
    tasks = 2

    with LatencyServer(latency_ms) as server:
        fetch(server.port)  # warm up: the first connection pays for imports and name lookups
        experiments = (
            cpu_experiments(n, tasks)
            + io_experiments(server.port, requests)
            + mixed_experiments(server.port, requests, mixed_n)
        )
        measured = measure(experiments, runs)

    print(f"Python lab: {describe_python()}; median of {runs} run(s)")
    print(f"cpu-bound: {tasks} tasks, each the sum of i**2 for i below {n:,}")
    print(f"io-bound: {requests} GET requests to 127.0.0.1, the server waits {latency_ms:g} ms before each answer")
    print(f"mixed: the same requests, each followed by the sum of i**2 for i below {mixed_n:,}")
    print()
    print(table(measured))
    print()
    for line in notes(measured, requests):
        print(line)


def table(measured):
    baselines = {workload: ms for workload, _, _, ms, _, baseline in measured if baseline}
    lines = [
        "| workload | how | workers | median | speedup | cores busy |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for workload, how, workers, ms, cores_busy, baseline in measured:
        speedup = "-" if baseline is None else f"{baselines[workload] / ms:.2f}x"
        lines.append(f"| {workload} | {how} | {workers} | {ms:.1f} ms | {speedup} | {cores_busy:.2f} |")
    return "\n".join(lines)


def notes(measured, requests):
    single = next(ms for _, how, _, ms, _, _ in measured if how == "a single request")
    yield f"- {requests} requests at once, against one request's {single:.1f} ms:"
    for workload, how, _, ms, _, baseline in measured:
        if workload == "io-bound" and baseline is False:
            yield f"  - {how}: {ms / single:.2f}x one request's time"


if __name__ == "__main__":
    main()
