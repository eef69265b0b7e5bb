"""Time each pipeline stage on synthetic packages and write a Markdown table.

    python benchmarks/run.py [--sizes 100 1000 10000] [--out benchmarks/results.md]

Not part of the test run. Each stage runs in its own process; the table gives wall time and
peak RSS. "bare mkdocs" is `mkdocs build` of the same generated Markdown without our hook
(the tools' floor): the ratio build / bare mkdocs is what our validation and generation add.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import make_package  # noqa: E402 - after the path is set

STAGES = ["frictionless", "validate", "generate", "release", "build", "bare-mkdocs"]


def measure(stage: str, package: Path, work: Path) -> dict[str, float]:
    """Run one stage in a fresh process and return its figures."""
    result = subprocess.run([sys.executable, str(HERE / "stage.py"), stage, str(package),
                             str(work)], capture_output=True, text=True, check=True)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    for line in result.stderr.splitlines():
        if line.startswith("{"):
            figures.update(json.loads(line))
    return dict(figures)


def main() -> None:
    """Measure every stage at every size and write the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--out", type=Path, default=HERE / "results.md")
    args = parser.parse_args()
    rows = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            package = make_package(work / "package", n)
            pages = None
            figures = {stage: measure(stage, package, work) for stage in STAGES}
            pages = sum(1 for _ in (work / "site").rglob("*.html"))
            size_mb = sum(p.stat().st_size for p in (work / "site").rglob("*") if p.is_file())
            rows.append((n, pages, size_mb / 1e6, figures))
            print(n, {k: v["seconds"] for k, v in figures.items()}, file=sys.stderr)
    lines = ["| N (statements + incidents) | HTML pages | site MB | frictionless validate s | "
             "our validate s | generate s | release s | whole build s | bare mkdocs s | "
             "build / bare mkdocs | validate / frictionless | peak RSS of build MB |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for n, pages, size_mb, f in rows:
        bare = f["bare-mkdocs"].get("mkdocs_only_seconds", f["bare-mkdocs"]["seconds"])
        lines.append(
            f"| {n:,} | {pages:,} | {size_mb:.0f} | {f['frictionless']['seconds']} | "
            f"{f['validate']['seconds']} | {f['generate']['seconds']} | "
            f"{f['release']['seconds']} | {f['build']['seconds']} | {bare} | "
            f"{f['build']['seconds'] / bare:.2f} | "
            f"{f['validate']['seconds'] / f['frictionless']['seconds']:.2f} | "
            f"{f['build']['peak_mb']} |")
    lines += ["", f"Measured on {dt.date.today().isoformat()} by `python benchmarks/run.py "
              f"--sizes {' '.join(str(n) for n in args.sizes)}`: Python "
              f"{platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores, one "
              "run each, seed 1. Each stage is a whole process; \"bare mkdocs\" is a plain "
              "`mkdocs build` over the same generated Markdown without the hook (the tools' "
              "floor), so build / bare mkdocs is what validation and generation add. This "
              "file is written entirely by the script."]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
