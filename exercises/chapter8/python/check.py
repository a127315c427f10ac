"""Checks chapter 8's Python drills: `python3 exercises/chapter8/python/check.py 8.2`.

    check.py 8.2            the tests of drill 8.2, on your file (exercises/chapter8/python)
    check.py all            every drill
    check.py 8.2 --solutions  the same tests on the reference solutions

Each failing test prints one line that says what went wrong and which page helps (the same
line once, however many tests print it). The last line counts: "N passed, M failed".
Needs only the standard library, Python 3.6 or newer.
"""

import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import harness  # noqa: E402  (found through the path set above)


class OneLineResult(unittest.TestResult):
    """Collects failures as the one line each one means to the learner."""

    def __init__(self):
        unittest.TestResult.__init__(self)
        self.lines = []
        self.passed = 0

    def addSuccess(self, test):
        self.passed += 1

    def addFailure(self, test, err):
        self._record(test, err)

    def addError(self, test, err):
        self._record(test, err)

    def _record(self, test, err):
        kind, error, trace = err
        if isinstance(error, harness.DrillFailure):
            line = str(error)
        else:
            # A failure of the test itself, not of the drill: show it whole.
            import traceback

            line = "{} broke: {}".format(test.id(), "".join(traceback.format_exception(kind, error, trace)))
        self.failures.append((test, line))
        if line not in self.lines:
            self.lines.append(line)


def suite_of(drill_ids):
    loader = unittest.TestLoader()
    suite = unittest.TestSuite()
    for drill_id in drill_ids:
        name = harness.DRILLS[drill_id][0]
        suite.addTests(loader.loadTestsFromName("test_" + name))
    return suite


def main(argv):
    arguments = [argument for argument in argv if not argument.startswith("--")]
    if "--solutions" in argv:
        os.environ["DRILLS_DIR"] = os.path.join(HERE, "..", "..", "..", "solutions", "chapter8", "python")
    wanted = arguments[0] if arguments else "all"
    if wanted == "all":
        drill_ids = sorted(harness.DRILLS)
    elif wanted in harness.DRILLS:
        drill_ids = [wanted]
    else:
        by_name = [key for key, (name, _, _) in harness.DRILLS.items() if name == wanted]
        if not by_name:
            print("no drill {!r}: the drills are {}".format(wanted, ", ".join(sorted(harness.DRILLS))))
            return 2
        drill_ids = by_name
    result = OneLineResult()
    suite_of(drill_ids).run(result)
    for line in result.lines:
        print(line)
    failed = len(result.failures)
    print("{}: {} passed, {} failed".format("python", result.passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
