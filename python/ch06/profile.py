"""Chapter 6 in CPython: classify three workloads by their CPU time against their wall time.

    python3 python/ch06/profile.py

The same three workloads as the Rust `profile` example: an arithmetic loop; 20 requests to a
local server (127.0.0.1) that answers each after 10 ms; and the same requests, each followed by
parsing work. Prints the median of 3 runs. Standard library only.
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


def profile(work):
    wall_start, cpu_start = time.perf_counter(), time.thread_time()
    work()
    return time.perf_counter() - wall_start, time.thread_time() - cpu_start


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
    print("| workload | wall ms | CPU ms | CPU share | classified as |\n|---|---:|---:|---:|---|")
    for name, work in workloads:
        runs = sorted(profile(work) for _ in range(RUNS))
        wall, cpu = runs[RUNS // 2]
        print(f"| {name} | {wall * 1e3:.1f} | {cpu * 1e3:.1f} | {cpu / wall:.2f} "
              f"| {classify(wall, cpu)} |")
    server.shutdown()


if __name__ == "__main__":
    main()
