"""Chapter 7, mistake 4 in CPython: a blocking call inside a coroutine stalls the event loop.

    python3 python/ch07/stall.py

Ten handlers each need a 20 ms "disk read", beside a heartbeat task that wants to run every
millisecond. The handlers read three ways: `time.sleep` inside the coroutine (the mistake),
`await asyncio.to_thread(time.sleep, ...)`, or `await asyncio.sleep(...)`. Prints the total and
the heartbeat's longest gap. Median of 3 runs. Standard library only.
"""

import asyncio
import statistics
import time

REQUESTS = 10
READ = 0.020
BEAT = 0.001
RUNS = 3


async def blocking_read():
    time.sleep(READ)


async def read_in_thread():
    await asyncio.to_thread(time.sleep, READ)


async def async_read():
    await asyncio.sleep(READ)


async def serve(read):
    done = False
    longest = 0.0

    async def heartbeat():
        nonlocal longest
        last = time.perf_counter()
        while not done:
            await asyncio.sleep(BEAT)
            now = time.perf_counter()
            longest = max(longest, now - last)
            last = now

    beating = asyncio.create_task(heartbeat())
    await asyncio.sleep(0)  # let the heartbeat start
    started = time.perf_counter()
    await asyncio.gather(*(read() for _ in range(REQUESTS)))
    total = time.perf_counter() - started
    done = True
    await beating
    return total, longest


def main():
    print(f"asyncio, {REQUESTS} requests, 20 ms reads, heartbeat every 1 ms, median of {RUNS} runs\n")
    print("| how handlers read | total ms | heartbeat's longest gap ms |\n|---|---:|---:|")
    for name, read in [
        ("time.sleep inside the coroutine (the mistake)", blocking_read),
        ("await asyncio.to_thread(time.sleep, ...)", read_in_thread),
        ("await asyncio.sleep(...)", async_read),
    ]:
        runs = sorted(asyncio.run(serve(read)) for _ in range(RUNS))
        total, gap = runs[RUNS // 2]
        print(f"| {name} | {total * 1e3:.1f} | {gap * 1e3:.1f} |")


if __name__ == "__main__":
    main()
