"""Mutation run: drop each of the project's checks in turn; the tests must notice every one.

    python -m tests.mutate_checks

Not part of the test run (it runs the validation tests once per check). Prints one line per
check: the tests that failed without it, or "NOT CAUGHT".
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

from build_scripts.validate.checks import ALL_CHECKS
from tests.conftest import ROOT

TESTS = ["tests/test_invalid_packages.py", "tests/test_safety.py", "tests/test_evidence.py",
         "tests/test_bundled_package.py"]


def main() -> int:
    """Run the validation tests once per dropped check; exit 1 if one went unnoticed."""
    missed = 0
    for check in ALL_CHECKS:
        name = check.__module__.rsplit(".", 1)[-1]
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                               *TESTS], cwd=ROOT, env={**os.environ, "MUTATE_CHECK": name},
                              capture_output=True, text=True, check=False)
        failed = sorted(set(re.findall(r"^FAILED (\S+?)(?:\[| - |$)", done.stdout, re.M)))
        print(f"{name}: " + (", ".join(failed) if failed else "NOT CAUGHT"), flush=True)
        missed += not failed
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
