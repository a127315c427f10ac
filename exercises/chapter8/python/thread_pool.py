"""Exercise 8.8 (Python): a thread pool with graceful shutdown.
Book: src/ch08/08-thread-pool.md

`workers` threads run the jobs handed to execute(). shutdown() is graceful: every job already
submitted runs, then the workers stop and are joined, and only then does shutdown() return. A
job that raises must not take its worker down with it.
(concurrent.futures.ThreadPoolExecutor is the standard library's answer; this drill builds one.)

Check with: python3 exercises/chapter8/python/check.py 8.8
"""

import queue
import threading


class ThreadPool(object):
    def __init__(self, workers):
        # TODO: a queue of jobs and `workers` started threads that take jobs from it.
        raise NotImplementedError

    def execute(self, job):
        # TODO: hand the job to the workers.
        raise NotImplementedError

    def shutdown(self):
        # TODO: let every submitted job run, tell each worker to stop, join them all.
        raise NotImplementedError
