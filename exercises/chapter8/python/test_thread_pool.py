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
        all_met = threading.Event()

        def meet():
            met.append(meeting.wait())
            if len(met) == workers:
                all_met.set()

        for _ in range(workers):
            harness.call(self.drill, pool.execute, meet)
        # Shut down only once they have met: this test is about running them at once, and a
        # shutdown that loses queued jobs would strand the ones already waiting here (the other
        # tests catch that, and say so).
        harness.call(self.drill, all_met.wait, hang_hint=HANG_HINT)
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

    def test_jobs_still_queued_when_shutdown_is_called_all_run_before_it_returns(self):
        workers, queued = 2, random.randint(3, 8)
        pool = harness.make(self.drill, self.module.ThreadPool, workers)
        release = threading.Event()
        returned = threading.Event()
        ran = []
        # Both workers are kept busy, so the other jobs wait in the queue when shutdown begins.
        for _ in range(workers):
            harness.call(self.drill, pool.execute, lambda: release.wait())
        for number in range(queued):
            job = lambda number=number: ran.append((number, returned.is_set()))
            harness.call(self.drill, pool.execute, job)

        def shut_down():
            pool.shutdown()
            returned.set()

        stopping = threading.Thread(target=shut_down, daemon=True)
        stopping.start()
        # Only once shutdown is waiting (for its workers) or has returned are the busy jobs let
        # go: a queued job that runs after that point ran after shutdown returned.
        harness.wait_until_blocked(stopping)
        release.set()
        harness.join(self.drill, stopping, HANG_HINT)
        late = [number for number, after_shutdown in ran if after_shutdown]
        self.drill.check(
            not late and sorted(number for number, _ in ran) == list(range(queued)),
            "{} jobs were still queued when shutdown was called; {} of them ran before it "
            "returned: shutdown must let every submitted job run first, and join the "
            "workers".format(queued, len(ran) - len(late)),
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
