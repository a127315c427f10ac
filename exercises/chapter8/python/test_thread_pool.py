"""Drill 8.8 (Python): the pool runs jobs on its workers and shuts down gracefully."""

import random
import threading

import harness

HANG_HINT = (
    "the pool never finishes: either it runs fewer jobs at once than it has workers, or "
    "shutdown waits for workers that were never told to stop"
)


class ThreadPoolTests(harness.DrillTest):
    drill_id = "8.8"

    def test_as_many_jobs_at_once_as_workers(self):
        workers = random.randint(2, 4)
        pool = harness.make(self.drill, self.module.ThreadPool, workers)
        # The first `workers` jobs meet here: they can only all pass if they run at once.
        meeting = threading.Barrier(workers)
        met = []
        for _ in range(workers):
            harness.call(self.drill, pool.execute, lambda: met.append(meeting.wait()))
        harness.call(self.drill, pool.shutdown, hang_hint=HANG_HINT)
        self.drill.check(len(met) == workers, "only {} of {} jobs ran".format(len(met), workers))

    def test_every_job_runs_once_on_the_workers_before_shutdown_returns(self):
        workers, jobs = 3, random.randint(30, 60)
        pool = harness.make(self.drill, self.module.ThreadPool, workers)
        lock = threading.Lock()
        ran = []
        threads = set()

        def job(number):
            def run():
                with lock:
                    ran.append(number)
                    threads.add(threading.current_thread())
            return run

        for number in range(jobs):
            harness.call(self.drill, pool.execute, job(number))
        harness.call(self.drill, pool.shutdown, hang_hint=HANG_HINT)
        with lock:
            self.drill.check(
                sorted(ran) == list(range(jobs)),
                "after shutdown returned, {} of {} jobs had run (each exactly once is right): "
                "shutdown must let every submitted job run first".format(len(ran), jobs),
            )
            self.drill.check(
                len(threads) <= workers,
                "the jobs ran on {} different threads; the pool has {} workers".format(len(threads), workers),
            )
            alive = [thread for thread in threads if thread.is_alive()]
            self.drill.check(
                not alive,
                "{} worker thread(s) were still running when shutdown returned: join them".format(len(alive)),
            )

    def test_a_failing_job_does_not_stop_the_others(self):
        pool = harness.make(self.drill, self.module.ThreadPool, 1)
        ran = []

        def failing():
            raise ValueError("this job fails on purpose")

        harness.call(self.drill, pool.execute, failing)
        for number in range(3):
            harness.call(self.drill, pool.execute, lambda number=number: ran.append(number))
        harness.call(self.drill, pool.shutdown, hang_hint=HANG_HINT)
        self.drill.check(
            ran == [0, 1, 2],
            "after one job raised an exception, the pool's only worker ran {} of the 3 jobs "
            "after it: catch a job's exception in the worker".format(len(ran)),
        )
