"""Exercise 8.8 (Python): a thread pool with graceful shutdown.
Book: src/ch08/08-thread-pool.md

`workers` threads run the jobs handed to execute(). shutdown() is graceful: every job already
submitted runs, then the workers stop and are joined, and only then does shutdown() return. A
job that raises must not take its worker down with it.
(concurrent.futures.ThreadPoolExecutor is the standard library's answer; this drill builds one.)
"""

import queue
import threading

_STOP = object()  # one per worker, queued after every job: "no more work"


class ThreadPool(object):
    def __init__(self, workers):
        self._jobs = queue.Queue()
        self._workers = [threading.Thread(target=self._work) for _ in range(workers)]
        for worker in self._workers:
            worker.start()

    def _work(self):
        while True:
            job = self._jobs.get()
            if job is _STOP:
                return
            try:
                job()
            except Exception:
                pass  # the job's failure is its own; the worker lives on

    def execute(self, job):
        self._jobs.put(job)

    def shutdown(self):
        # The queue is first in, first out: every job before the stops runs first.
        for _ in self._workers:
            self._jobs.put(_STOP)
        for worker in self._workers:
            worker.join()
