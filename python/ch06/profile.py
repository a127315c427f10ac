"""Chapter 6 in CPython: classify three workloads by their CPU time against their wall time.

    python3 python/ch06/profile.py

The same three workloads as the Rust `profile` example: an arithmetic loop; 20 requests to a
local server (127.0.0.1) that answers each after 10 ms; and the same requests, each followed by
parsing work. Prints the median of 3 runs. Standard library only.

On a busy machine the stopwatch also counts time the thread was ready to run but had no core.
On Linux, `/proc/thread-self/schedstat` says how long that was; the classification leaves it
out, as the Rust example does. Elsewhere that column reads 0.
"""

import socket
import socketserver
import statistics
import threading
import time

REQUESTS = 20
SERVER_DELAY = 0.010
RUNS = 3
CPU_BOUND_SHARE = 0.8
IO_BOUND_SHARE = 0.2


class SlowEcho(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            time.sleep(SERVER_DELAY)
            self.wfile.write(line)


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def compute(iterations):
    total = 0
    for n in range(iterations):
        total += n * n
    return total


def fetch(port, parse_iterations):
    with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        replies = conn.makefile("rb")
        for request in range(REQUESTS):
            conn.sendall(f"GET /page/{request}\n".encode())
            replies.readline()
            compute(parse_iterations)


def waiting_for_a_core():
    """Seconds this thread has spent ready to run without a core (Linux), else 0."""
    try:
        with open("/proc/thread-self/schedstat") as schedstat:
            return int(schedstat.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def profile(work):
    no_core_start = waiting_for_a_core()
    wall_start, cpu_start = time.perf_counter(), time.thread_time()
    work()
    wall, cpu = time.perf_counter() - wall_start, time.thread_time() - cpu_start
    return wall, cpu, waiting_for_a_core() - no_core_start


def classify(wall, cpu):
    share = cpu / wall
    if share >= CPU_BOUND_SHARE:
        return "CPU-bound"
    if share <= IO_BOUND_SHARE:
        return "I/O-bound"
    return "mixed"


def main():
    server = Server(("127.0.0.1", 0), SlowEcho)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    parse = 300_000  # roughly 15-20 ms of Python per page on a 2-core cloud machine
    workloads = [
        ("compute (arithmetic loop)", lambda: compute(REQUESTS * parse)),
        ("fetch 20 pages", lambda: fetch(port, 0)),
        ("fetch 20 pages, parse each", lambda: fetch(port, parse)),
    ]
    print(f"median of {RUNS} runs; time.perf_counter() against time.thread_time()\n")
    print("| workload | wall ms | waiting for a core ms | CPU ms | CPU share | classified as |")
    print("|---|---:|---:|---:|---:|---|")
    for name, work in workloads:
        runs = sorted(profile(work) for _ in range(RUNS))
        wall, cpu, no_core = runs[RUNS // 2]
        # The clocks are read a moment apart: never let the difference dip below the CPU time.
        busy_or_waiting = max(wall - no_core, cpu)
        print(f"| {name} | {wall * 1e3:.1f} | {no_core * 1e3:.1f} | {cpu * 1e3:.1f} "
              f"| {cpu / busy_or_waiting:.2f} | {classify(busy_or_waiting, cpu)} |")
    server.shutdown()


if __name__ == "__main__":
    main()
