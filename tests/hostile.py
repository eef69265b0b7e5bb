"""Hostile-package generator: a throw-away project holding a copy of the fixture package,
and mutations a hostile contributor or a careless user could make to it.

A workspace is ``<tmp>/repo`` (a fake repository: ``.git``, ``README.md``, ``mkdocs.yml``,
``docs/``, ``overrides/``, the package in ``datapackage/``, a previous good site in ``site/``)
beside ``<tmp>/outside`` (files a package must never reach). :func:`digest` fingerprints a
whole tree so a test can show that nothing it did not mean to change has changed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from build_scripts.write.outputs import MARKER
from tests.conftest import ROOT, VALID

SECRET = "secret-outside-the-package: do not publish\n"


@dataclass(frozen=True)
class Workspace:
    """A fake repository with the fixture package, and a folder outside it."""

    base: Path

    @property
    def repo(self) -> Path:
        """The fake repository (the current folder of the commands)."""
        return self.base / "repo"

    @property
    def package(self) -> Path:
        """The package under test."""
        return self.repo / "datapackage"

    @property
    def outside(self) -> Path:
        """A folder beside the repository holding a secret file."""
        return self.base / "outside"

    def descriptor(self) -> dict[str, Any]:
        """The package's descriptor as JSON."""
        return dict(json.loads((self.package / "datapackage.json").read_text(encoding="utf-8")))

    def write_descriptor(self, descriptor: Any) -> None:
        """Replace the package's descriptor."""
        (self.package / "datapackage.json").write_text(
            json.dumps(descriptor, ensure_ascii=False, indent=1), encoding="utf-8")

    def edit_descriptor(self, change: Callable[[dict[str, Any]], None]) -> None:
        """Apply ``change`` to the descriptor and save it."""
        descriptor = self.descriptor()
        change(descriptor)
        self.write_descriptor(descriptor)

    def csv_path(self, table: str) -> Path:
        """The CSV file of ``table``."""
        return self.package / "data" / f"{table}.csv"

    def records(self, table: str) -> list[list[str]]:
        """The records of ``table``, header first."""
        with self.csv_path(table).open(newline="", encoding="utf-8") as handle:
            return list(csv.reader(handle))

    def write_records(self, table: str, records: list[list[str]], delimiter: str = ",") -> None:
        """Rewrite ``table`` from ``records``."""
        out = io.StringIO()
        csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(records)
        self.csv_path(table).write_text(out.getvalue(), encoding="utf-8")

    def set_cell(self, table: str, row: int, column: str, value: str) -> None:
        """Set one cell (``row`` counts as Frictionless does: the header is row 1)."""
        records = self.records(table)
        records[row - 1][records[0].index(column)] = value
        self.write_records(table, records)


def make_workspace(base: Path) -> Workspace:
    """Create the fake repository and the outside folder under ``base``."""
    space = Workspace(base)
    space.repo.mkdir(parents=True)
    (space.repo / ".git").mkdir()
    (space.repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (space.repo / "README.md").write_text("# A repository\n", encoding="utf-8")
    shutil.copy(ROOT / "mkdocs.yml", space.repo / "mkdocs.yml")
    shutil.copy(ROOT / "CONTRIBUTING.md", space.repo / "CONTRIBUTING.md")
    shutil.copytree(ROOT / "docs", space.repo / "docs")
    shutil.copytree(ROOT / "overrides", space.repo / "overrides")
    # mkdocs.yml names its hook by a path relative to itself.
    (space.repo / "build_scripts").symlink_to(ROOT / "build_scripts")
    shutil.copytree(VALID, space.package)
    site = space.repo / "site"
    site.mkdir()
    (site / MARKER).write_text("site\n", encoding="utf-8")
    (site / "index.html").write_text("<p>the last good site</p>\n", encoding="utf-8")
    space.outside.mkdir()
    (space.outside / "secret.md").write_text(SECRET, encoding="utf-8")
    shutil.copy(VALID / "data" / "places.csv", space.outside / "places.csv")
    return space


def digest(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Fingerprint every entry under ``folder`` (links by target, never followed).

    ``skip`` lists top-level names to leave out (an output the command is meant to write).
    Lock files beside outputs are left out: they are empty and kept by design.
    """
    prints: dict[str, str] = {}
    for top, dirs, files in os.walk(folder, followlinks=False):
        for name in sorted(dirs + files):
            path = Path(top) / name
            relative = path.relative_to(folder)
            if relative.parts[0] in skip or name.endswith(".lock"):
                continue
            if path.is_symlink():
                prints[str(relative)] = "link:" + os.readlink(path)
            elif path.is_file():
                prints[str(relative)] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                prints[str(relative)] = "dir" if path.is_dir() else "special"
    return prints


def nested(depth: int) -> str:
    """A JSON text nested ``depth`` lists deep inside an otherwise plausible descriptor."""
    return '{"name": "x", "resources": [], "x-deep": ' + "[" * depth + "]" * depth + "}"
