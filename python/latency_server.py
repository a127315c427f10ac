"""A local HTTP server that answers every GET after a fixed delay: the network of the lab.

Run by gil_lab.py, in a process of its own (so that the server's threads never compete with the
measured client for the GIL). It binds 127.0.0.1 on a port the system picks, prints
`port <number>` on its first line, and serves until its standard input closes (the lab closes
it when it is done, or dies) or until --max-seconds have passed, whichever comes first.

    python3 python/latency_server.py --latency-ms 50
"""

import argparse
import http.server
import os
import sys
import threading
import time


class LatencyHandler(http.server.BaseHTTPRequestHandler):
    latency = 0.05
    # A client that connects and sends nothing cannot keep a thread forever.
    timeout = 10

    def do_GET(self):
        time.sleep(self.latency)  # time.sleep releases the GIL while it waits
        body = b"ok\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass  # one line per request would drown the lab's table


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    # Ten or a hundred clients connect at once: keep them all in the accept queue.
    request_queue_size = 256


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency-ms", type=float, default=50.0)
    parser.add_argument("--max-seconds", type=float, default=600.0)
    args = parser.parse_args()

    LatencyHandler.latency = args.latency_ms / 1000.0
    server = Server(("127.0.0.1", 0), LatencyHandler)
    print(f"port {server.server_address[1]}", flush=True)

    # Never outlive a forgotten parent by more than --max-seconds.
    deadline = threading.Timer(args.max_seconds, lambda: os._exit(0))
    deadline.daemon = True
    deadline.start()

    serving = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    serving.daemon = True
    serving.start()
    sys.stdin.read()  # returns at end of file: the lab closed our stdin, or exited
    server.shutdown()
    server.server_close()


if __name__ == "__main__":
    main()
