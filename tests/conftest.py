"""Shared fixtures: the tiny valid package, broken copies of it, and built sites."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "tests" / "fixtures" / "valid"
BUNDLED = ROOT / "datapackage"


def set_cell(package: Path, table: str, row: int, column: str, value: str) -> None:
    """Set one cell of a package CSV; ``row`` counts as Frictionless does (header = 1)."""
    path = package / "data" / f"{table}.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        records = list(csv.reader(handle))
    header = records[0]
    records[row - 1][header.index(column)] = value
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(records)


@pytest.fixture
def package_copy(tmp_path: Path) -> Callable[[Path], Path]:
    """Return a function copying a package into a fresh temporary folder."""
    def copy(source: Path = VALID) -> Path:
        target = tmp_path / "package"
        shutil.copytree(source, target)
        return target
    return copy


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the tiny valid package (built once per test session)."""
    from build_scripts.pipeline import build_site

    site = tmp_path_factory.mktemp("fixture-site") / "site"
    build_site(VALID, site, ROOT / "mkdocs.yml")
    return site


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the bundled package (built once per test session)."""
    from build_scripts.pipeline import build_site

    site = tmp_path_factory.mktemp("bundled-site") / "site"
    build_site(BUNDLED, site, ROOT / "mkdocs.yml")
    return site


# --- Every registered problem type is made to happen by at least one test -----------------
# Every problem is a Problem; recording each one made in this process sees the problems of
# every in-process validation and unit test. At the end of a whole-suite run, a registered
# type that no test produced fails the run: the registry documents only what is tested.
SEEN_TYPES: set[str] = set()


def _record_types() -> None:
    from build_scripts.load.problems import Problem

    original = Problem.__init__

    def recording(self: Problem, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        SEEN_TYPES.add(self.type)

    Problem.__init__ = recording  # type: ignore[method-assign]


_record_types()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail a whole-suite run when a registered problem type was never produced."""
    from build_scripts.load.problem_types import PROBLEM_TYPES

    config = session.config
    whole = (not config.option.keyword and not config.option.markexpr
             and not getattr(config.option, "deselect", None)
             and not getattr(config.option, "lf", False)
             and all(Path(a).resolve() == ROOT / "tests" for a in config.args)
             and getattr(session, "testsfailed", 0) == 0 and exitstatus == 0)
    if not whole:
        return
    missing = sorted(set(PROBLEM_TYPES) - SEEN_TYPES)
    if missing:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        reporter = config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line("Problem types registered but produced by no test: "
                                + ", ".join(missing), red=True)


# --- Mutation runs: MUTATE_CHECK=<module> drops one project check (see tests/mutate_checks.py)
def _drop_check() -> None:
    import os

    name = os.environ.get("MUTATE_CHECK")
    if not name:
        return
    from build_scripts.validate import checks

    kept = tuple(c for c in checks.ALL_CHECKS if c.__module__.rsplit(".", 1)[-1] != name)
    assert len(kept) == len(checks.ALL_CHECKS) - 1, f"no check module named {name}"
    checks.ALL_CHECKS = kept


_drop_check()
