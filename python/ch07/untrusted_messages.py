"""Chapter 7, mistake 7: why checking data *after* `recv()` is too late, and what to do instead.

    python3 python/ch07/untrusted_messages.py

Part 1: a child process sends a crafted pickle through a multiprocessing Pipe. `Connection.recv()`
unpickles it, and unpickling calls whatever the pickle names, before the receiver's `isinstance`
check runs. The payload here only prints a line; it could as well call `os.system`.

Part 2: the same pipe carrying JSON bytes, read with a size limit and checked after parsing, fed
the hostile inputs of the book's Rust exercise 7.7. Every one ends in an error, none in a crash.
Uses only the standard library.
"""

import json
import multiprocessing
import threading

MAX_FRAME = 64 * 1024
MAX_NUMBERS = 1000


class Innocent:
    """Pickles to "call print(...)": the unpickler runs that call to rebuild the object."""

    def __reduce__(self):
        return (print, ("  !! code chosen by the sender ran inside recv(), before any check",))


def send_crafted_pickle(conn):
    conn.send(Innocent())
    conn.close()


def part_one():
    print("Part 1: pickle over a Pipe, checked with isinstance after recv()")
    receiver, sender = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.Process(target=send_crafted_pickle, args=(sender,))
    child.start()
    data = receiver.recv()  # the print above happens here
    print(f"  recv() returned {data!r}; only now does the check run:",
          "accepted" if isinstance(data, dict) else "rejected")
    child.join()


class BadMessage(Exception):
    pass


# ANCHOR: read_job
def read_job(conn):
    """Reads one job: bounded size, data-only format, every field checked."""
    try:
        raw = conn.recv_bytes(MAX_FRAME)
    except OSError as error:  # longer than MAX_FRAME: nothing was parsed or unpickled
        raise BadMessage(f"too large ({error})") from None
    try:
        job = json.loads(raw)
    except (ValueError, RecursionError) as error:  # not UTF-8, not JSON, nested too deeply
        raise BadMessage(f"malformed ({type(error).__name__})") from None
    if not (isinstance(job, dict) and set(job) == {"id", "numbers"}
            and type(job["id"]) is int and job["id"] >= 0
            and isinstance(job["numbers"], list)
            and all(type(n) is int and -2**63 <= n < 2**63 for n in job["numbers"])):
        raise BadMessage("malformed (not a job)")
    if len(job["numbers"]) > MAX_NUMBERS:
        raise BadMessage(f"too many numbers ({len(job['numbers'])})")
    return job
# ANCHOR_END: read_job


def send_ignoring_close(conn, payload):
    try:
        conn.send_bytes(payload)
    except OSError:  # the reader refused the message and closed its end
        pass


def hostile_inputs():
    numbers = lambda count: json.dumps({"id": 1, "numbers": list(range(count))}).encode()
    return [
        ("a valid job", b'{"id": 7, "numbers": [1, 2, 3]}'),
        ("a body of 100 KiB", b" " * (100 << 10)),
        ("bytes that are not UTF-8", b"\xff\xfe\x00\x41"),
        ("JSON cut off inside the body", b'{"id": 1, "numbers": [1, 2'),
        ("an id that is a string", b'{"id": "one", "numbers": []}'),
        ("a negative id", b'{"id": -1, "numbers": []}'),
        ("a number too large for i64", b'{"id": 1, "numbers": [1e30]}'),
        ("an unknown field", b'{"id": 1, "numbers": [], "run": "rm -rf /"}'),
        ("20,000 nested brackets", b"[" * 20_000),
        ("a Python pickle", b"\x80\x04\x95\x15\x00\x00\x00\x00\x00\x00\x00\x8c\x02os"),
        ("2,000 numbers", numbers(2_000)),
        ("exactly 1,000 numbers", numbers(1_000)),
    ]


def part_two():
    print("\nPart 2: JSON over the same Pipe, read with recv_bytes(MAX_FRAME) and checked")
    print("| input | result |\n|---|---|")
    for name, payload in hostile_inputs():
        receiver, sender = multiprocessing.Pipe(duplex=False)
        # A pipe holds only so much: the sender writes from a thread while we read.
        writer = threading.Thread(target=send_ignoring_close, args=(sender, payload))
        writer.start()
        try:
            job = read_job(receiver)
            result = f"ok: job {job['id']} with {len(job['numbers'])} numbers"
        except BadMessage as error:
            result = str(error)
        print(f"| {name} | {result} |")
        receiver.close()
        writer.join(timeout=5)
        sender.close()


if __name__ == "__main__":
    part_one()
    part_two()
