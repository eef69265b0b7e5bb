"""Shared fixtures: the tiny valid package, broken copies of it, and built sites."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

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
