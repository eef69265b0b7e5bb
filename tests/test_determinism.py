"""Same package, same bytes: across processes, hash seeds and dates (not just twice in one run).

Each build or release runs in a fresh interpreter with its own ``PYTHONHASHSEED``; one of the
two runs has its clock moved years ahead with time-machine, so a wall-clock timestamp or a
set's iteration order reaching an artefact would make the bytes differ.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, VALID

# Runs the CLI with the clock frozen at a later date (time-machine patches the C-level clock,
# so datetime.now(), date.today() and time.time() all move).
LATER = ("import sys, time_machine; time_machine.travel('2031-06-01 12:00', tick=False).start(); "
         "from build_scripts.cli import main; sys.exit(main(sys.argv[1:]))")


def _run(args: list[str], seed: str, later: bool, cwd: Path) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    env.pop("SOURCE_DATE_EPOCH", None)
    command = [sys.executable, "-c", LATER] if later else [sys.executable, "-m", "build_scripts"]
    done = subprocess.run([*command, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_release_bytes_do_not_depend_on_process_seed_or_date(tmp_path: Path) -> None:
    """Two release processes (hash seeds 1 and 4242, the second in 2031) write equal files."""
    for name, seed, later in (("first", "1", False), ("second", "4242", True)):
        package = tmp_path / name / "package"
        import shutil

        shutil.copytree(VALID, package)
        _run(["release", "--package", str(package), "--out", str(tmp_path / name / "dist")],
             seed, later, ROOT)
    first, second = _digest(tmp_path / "first" / "dist"), _digest(tmp_path / "second" / "dist")
    assert first and first == second


def test_site_bytes_do_not_depend_on_process_seed_or_date(tmp_path: Path) -> None:
    """Two build processes (hash seeds 1 and 4242, the second in 2031) write equal sites."""
    for name, seed, later in (("first", "1", False), ("second", "4242", True)):
        _run(["build", "--package", str(VALID), "--site-dir", str(tmp_path / name)], seed,
             later, ROOT)
    first, second = _digest(tmp_path / "first"), _digest(tmp_path / "second")
    assert len(first) > 50 and first == second
