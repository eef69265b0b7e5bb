"""Validation time against the number of problems: is it linear, and how far from Frictionless?

    python benchmarks/bad_rows.py [--rows 20000 200000] [--out benchmarks/bad_rows.md]

Not part of the test run. For each count, a synthetic package gets that many extra rows in
its places table, each with two problems: a latitude that is not a number (Frictionless
reports it; it stops after 1,000 problems a table, as ours says) and a source id that does
not exist (the project's own citation check reports every one). Whole processes are timed:
``python -m build_scripts validate`` (text for people, and ``--format json``) against
``frictionless validate`` on the same package.
The results file is written entirely by this script.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import make_package  # noqa: E402 - after the path is set

BIN = Path(sys.executable).parent


def add_bad_rows(package: Path, count: int) -> None:
    """Append ``count`` rows with two problems each to the package's places table."""
    path = package / "data" / "places.csv"
    header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
    template = {"name": "Nowhere", "commune": "Nowhere", "province": "sud", "country": "NC",
                "latitude": "north", "longitude": "", "coordinate_precision": "none",
                "source_ids": "no-such-source", "notes": ""}
    with path.open("a", encoding="utf-8", newline="") as handle:
        for index in range(count):
            row = {**template, "place_id": f"bad-place-{index:07d}"}
            handle.write(",".join(row.get(name, "") for name in header) + "\n")


def timed(command: list[str], cwd: Path) -> tuple[float, int, str]:
    """Wall time, exit code and standard output of a whole process."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, done.returncode, done.stdout


def main() -> None:
    """Time both validators at each count and write the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, nargs="+", default=[20_000, 200_000])
    parser.add_argument("--out", type=Path, default=HERE / "bad_rows.md")
    args = parser.parse_args()
    lines = ["| bad rows | problems reported | our validate s (text) | our validate s (json) | "
             "frictionless validate s | text / frictionless | json / frictionless |",
             "|---|---|---|---|---|---|---|"]
    for count in args.rows:
        with tempfile.TemporaryDirectory() as tmp:
            package = make_package(Path(tmp) / "package", 100)
            add_bad_rows(package, count)
            command = [sys.executable, "-m", "build_scripts", "validate", "--package",
                       str(package)]
            text, code, _ = timed(command, HERE.parent)
            if code != 1:
                raise SystemExit(f"expected an invalid package, got exit {code}")
            ours, _, listing = timed([*command, "--format", "json"], HERE.parent)
            problems = len(json.loads(listing)["problems"])
            theirs, _, _ = timed([str(BIN / "frictionless"), "validate", "datapackage.json"],
                                 package)
        lines.append(f"| {count:,} | {problems:,} | {text:.2f} | {ours:.2f} | {theirs:.2f} | "
                     f"{text / theirs:.2f} | {ours / theirs:.2f} |")
        print(lines[-1], flush=True)
    lines += ["", f"Measured on {dt.date.today().isoformat()} with Python "
              f"{platform.python_version()} on {platform.machine()} "
              f"({platform.system()}), one run each, by `python benchmarks/bad_rows.py`. "
              "All are whole processes (start-up included) writing to a pipe. Frictionless "
              "stops a table after 1,000 problems; ours says that it stopped there, and the "
              "project's own checks report every bad row (two problems a row), so ours "
              "prints about 400 times more."]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
