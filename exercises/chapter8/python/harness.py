"""The test harness of chapter 8's Python drills.

Every check runs the learner's code in threads it starts itself, under a watchdog, and ends in
one sentence that names the drill and the book page:
- an untouched stub (`raise NotImplementedError`) reads "is not implemented yet";
- a wrong result says what was wrong, in the drill's own terms;
- a deadlock or an endless loop ends the whole run within seconds, with a message, instead of
  freezing the terminal (stuck threads cannot be killed in Python, so the process exits).

`threading.Condition` is replaced, in the drill's module only, by `SpuriousCondition`, whose
`wait` returns early on a fixed schedule: exactly what a spurious wake-up (or a wake-up whose
condition another thread took first) looks like. A `while` loop around `wait` is unaffected; an
`if` fails on every run. Written for Python 3.6 and newer.
"""

import importlib.util
import os
import sys
import threading
import time
import traceback
import unittest

# drill id -> (module file name without .py, book page, title)
DRILLS = {
    "8.1": ("in_order", "src/ch08/01-in-order.md", "print in order"),
    "8.2": ("foo_bar", "src/ch08/02-foo-bar.md", "foo and bar, alternately"),
    "8.3": ("zero_even_odd", "src/ch08/03-zero-even-odd.md", "zero, even, odd"),
    "8.4": ("h2o", "src/ch08/04-h2o.md", "building H2O"),
    "8.5": ("fizz_buzz", "src/ch08/05-fizz-buzz.md", "FizzBuzz on four threads"),
    "8.6": ("dining_philosophers", "src/ch08/06-dining-philosophers.md", "the dining philosophers"),
    "8.7": ("bounded_queue", "src/ch08/07-bounded-queue.md", "a bounded blocking queue"),
    "8.8": ("thread_pool", "src/ch08/08-thread-pool.md", "a thread pool with graceful shutdown"),
    "8.9": ("crawler", "src/ch08/09-crawler.md", "a concurrent web crawler"),
}

# A deadlock shows as no CPU time used for this long; an endless loop as this much CPU time
# used by one check. Right answers need a few milliseconds of either, even on a busy machine.
STALL_SECONDS = 4.0
CPU_BUDGET_SECONDS = 20.0
# The last resort, for code that sleeps in a loop.
WALL_LIMIT_SECONDS = 60.0


class DrillFailure(Exception):
    """A check failed; the message is the one line the learner reads."""


class Drill(object):
    """One drill: its id, its page, and the learner's module under test."""

    def __init__(self, drill_id, module):
        self.id = drill_id
        self.name, self.page, self.title = DRILLS[drill_id]
        self.module = module

    def fail(self, what):
        raise DrillFailure(
            "exercise {} (Python): {}. Read {} in the book".format(self.id, what, self.page)
        )

    def check(self, holds, what):
        if not holds:
            self.fail(what)


class SpuriousCondition(threading.Condition):
    """A `threading.Condition` whose every other `wait` returns at once, as if woken.

    It also counts the threads waiting right now, so that a test can give a thread a head start
    that ends exactly when the thread is asleep (see `wait_until_waiting`).
    """

    waiting = 0
    _watchers = threading.Condition()

    def __init__(self, lock=None):
        threading.Condition.__init__(self, lock)
        self._waits = 0

    def wait(self, timeout=None):
        self._waits += 1  # the caller holds the lock, so this count is exact
        if self._waits % 2 == 1:
            # Release and retake the lock, as a real wake-up does, then return as if notified.
            threading.Condition.wait(self, 0)
            return True
        SpuriousCondition._changed(+1)
        try:
            return threading.Condition.wait(self, timeout)
        finally:
            SpuriousCondition._changed(-1)

    @classmethod
    def _changed(cls, by):
        with cls._watchers:
            cls.waiting += by
            cls._watchers.notify_all()

    @classmethod
    def wait_until_waiting(cls, count, thread, patience=0.25):
        """Returns once `count` threads wait on a condition, or `thread` has ended.

        Bounded: after `patience` seconds it returns anyway. The bound only decides whether a
        wrong answer is caught in that start order; it never makes a right answer fail.
        """
        deadline = time.monotonic() + patience
        with cls._watchers:
            while cls.waiting < count and thread.is_alive():
                left = deadline - time.monotonic()
                if left <= 0:
                    return
                cls._watchers.wait(min(left, 0.01))


class _ThreadingWithSpuriousWakeups(object):
    """What the drill's module sees as `threading`: the real module, but for `Condition`."""

    Condition = SpuriousCondition

    def __getattr__(self, name):
        return getattr(threading, name)


def load(drills_dir, drill_id):
    """Imports the drill's module from `drills_dir`, with spurious wake-ups switched on."""
    name = DRILLS[drill_id][0]
    path = os.path.join(drills_dir, name + ".py")
    spec = importlib.util.spec_from_file_location("drill_" + name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if hasattr(module, "threading"):
        module.threading = _ThreadingWithSpuriousWakeups()
    return Drill(drill_id, module)


def run_threads(drill, targets, start="together", hang_hint=None):
    """Runs each callable of `targets` on a thread of its own and waits for all of them.

    `start` is "together" (they all start at once, from a barrier) or "in turn" (each gets a
    head start until it waits on a condition or ends). An exception in any thread fails the
    check with its message and place.
    """
    errors = []
    barrier = threading.Barrier(len(targets)) if start == "together" else None

    def body(target):
        try:
            if barrier is not None:
                barrier.wait()
            target()
        except BaseException as error:  # reported below, on the test's thread
            errors.append((error, sys.exc_info()[2]))

    threads = [threading.Thread(target=body, args=(target,), daemon=True) for target in targets]
    for number, thread in enumerate(threads):
        thread.start()
        if barrier is None:
            SpuriousCondition.wait_until_waiting(number + 1, thread)
    for thread in threads:
        join(drill, thread, hang_hint)
    if errors:
        raise_learner_error(drill, *errors[0])


def join(drill, thread, hang_hint=None):
    """Waits for `thread`; a thread that stops making progress ends the run (see `watchdog`)."""
    WATCHDOG.watch(drill, hang_hint)
    try:
        # No polling: a stuck run must cost no CPU time, or the watchdog could not see it.
        thread.join()
    finally:
        WATCHDOG.unwatch()


def call(drill, function, *args, hang_hint=None):
    """Calls learner code on a thread of its own, under the watchdog, and returns its result."""
    result = []
    run_threads(drill, [lambda: result.append(function(*args))], hang_hint=hang_hint)
    return result[0]


def raise_learner_error(drill, error, trace):
    if isinstance(error, DrillFailure):
        raise error
    place = learner_place(trace)
    if isinstance(error, NotImplementedError):
        raise DrillFailure(
            "exercise {} (Python) is not implemented yet (the NotImplementedError at {}): "
            "see {} in the book".format(drill.id, place, drill.page)
        )
    drill.fail("your code raised {}: {} at {}".format(type(error).__name__, error, place))


def learner_place(trace):
    """The last place in the drill's own file, as `file.py:line`."""
    place = "an unknown place"
    for frame, line in traceback.walk_tb(trace):
        file_name = os.path.basename(frame.f_code.co_filename)
        if file_name not in ("harness.py", "threading.py", "check.py") and not file_name.startswith("test_"):
            place = "{}:{}".format(file_name, line)
    return place


class Watchdog(object):
    """Ends the run when the code under test is stuck: no CPU time used for STALL_SECONDS (a
    deadlock, a lost wake-up), or CPU_BUDGET_SECONDS used (an endless loop). A slow machine
    only stretches the time; it does not stop the progress, so a right answer is never called
    stuck."""

    def __init__(self):
        self._lock = threading.Lock()
        self._watched = None
        self._thread = None
        self._tests_waiting = 0

    def test_waits(self):
        """A context in which the *test* waits on purpose (a server holding a request back):
        that time is not the learner's code standing still."""
        watchdog = self

        class Waiting(object):
            def __enter__(self):
                with watchdog._lock:
                    watchdog._tests_waiting += 1

            def __exit__(self, *exc):
                with watchdog._lock:
                    watchdog._tests_waiting -= 1

        return Waiting()

    def watch(self, drill, hang_hint):
        with self._lock:
            self._watched = (drill, hang_hint, time.monotonic(), time.process_time())
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, daemon=True)
                self._thread.start()

    def unwatch(self):
        with self._lock:
            self._watched = None

    def _loop(self):
        last_cpu, last_progress = time.process_time(), time.monotonic()
        while True:
            time.sleep(0.25)
            with self._lock:
                watched = self._watched
                tests_waiting = self._tests_waiting
            now, cpu = time.monotonic(), time.process_time()
            # Progress is CPU time well above what this loop costs itself (microseconds): a
            # starved but working run gets milliseconds per quarter second even on a busy
            # machine; a deadlocked one gets nothing.
            if cpu - last_cpu > 0.002 or tests_waiting:
                last_progress = now
            last_cpu = cpu
            if watched is None:
                last_progress = now
                continue
            drill, hang_hint, started, cpu_at_start = watched
            if now - last_progress > STALL_SECONDS:
                self._stop(drill, hang_hint, "stopped making progress: a deadlock (a lock never "
                           "released, a wake-up never sent)")
            elif cpu - cpu_at_start > CPU_BUDGET_SECONDS:
                self._stop(drill, hang_hint, "kept the processor busy without finishing: an "
                           "endless loop, or a busy wait")
            elif now - started > WALL_LIMIT_SECONDS:
                self._stop(drill, hang_hint, "did not finish within {:.0f} s".format(WALL_LIMIT_SECONDS))

    @staticmethod
    def _stop(drill, hang_hint, what):
        message = "exercise {} (Python): your code {}".format(drill.id, what)
        if hang_hint:
            message += ". Likely cause: " + hang_hint
        message += ". Read {} in the book".format(drill.page)
        sys.stdout.write("\n" + message + "\n")
        sys.stdout.flush()
        # Threads stuck in a lock cannot be stopped; leave without waiting for them.
        os._exit(1)


WATCHDOG = Watchdog()


class Printed(object):
    """What the drill printed, through callbacks the tests hand it, in order."""

    def __init__(self):
        self._lock = threading.Lock()
        self.items = []

    def printer(self, text):
        def print_it(*values):
            with self._lock:
                self.items.append(text.format(*values) if values else text)

        return print_it

    def text(self):
        with self._lock:
            return "".join(self.items)


def drills_dir():
    """Where the drills under test are: $DRILLS_DIR, else the learner's folder (this one)."""
    return os.environ.get("DRILLS_DIR") or os.path.dirname(os.path.abspath(__file__))


class DrillTest(unittest.TestCase):
    """A test case of one drill: `self.drill` is the drill, loaded fresh for each test."""

    drill_id = None

    def setUp(self):
        self.drill = load(drills_dir(), self.drill_id)
        self.module = self.drill.module


def make(drill, cls, *args):
    """Builds the drill's object under the watchdog (a stub's constructor raises)."""
    return call(drill, cls, *args)


START_STYLES = ("in turn", "together")


# Where a thread blocked in `threading` sits: a condition's or an event's wait (a `get` on an
# empty `queue.Queue` waits there too), or a join.
_BLOCKED_IN = ("wait", "join", "_wait_for_tstate_lock")


def wait_until_blocked(thread, patience=1.0):
    """Returns once `thread` has ended or is blocked in a wait or a join of `threading` (a
    `queue.Queue.get` on an empty queue included): everything it did before blocking is done.
    A thread only passing through `threading` or `queue` (a `get` that finds an item, a `put`)
    is not blocked: the test must not act while it is still on its way. Bounded: after
    `patience` seconds it returns anyway, which only decides whether a wrong answer is caught.
    A blocked raw `Lock.acquire()` is invisible here (it is C code), so that case waits it out."""
    deadline = time.monotonic() + patience
    while thread.is_alive() and time.monotonic() < deadline:
        frame = sys._current_frames().get(thread.ident)
        if (
            frame is not None
            and os.path.basename(frame.f_code.co_filename) == "threading.py"
            and frame.f_code.co_name in _BLOCKED_IN
        ):
            return
        time.sleep(0.005)
