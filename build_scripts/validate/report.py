"""Validation: read the package, run Frictionless and the project's checks, one report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_scripts.load.package import Package, load_package, load_releases
from build_scripts.load.problems import Problem, sort_problems
from build_scripts.validate.checks import run_checks
from build_scripts.validate.frictionless_adapter import frictionless_problems


@dataclass
class Report:
    """All problems found in a package; valid when there are none."""

    package: Package
    problems: list[Problem]

    @property
    def valid(self) -> bool:
        """True when no problem was found."""
        return not self.problems


def validate_package(root: Path) -> Report:
    """Validate the package at ``root`` and return every problem, sorted and deduplicated."""
    package = load_package(root)
    problems = list(package.problems)
    if package.descriptor:
        own = run_checks(package)
        # Where a project check explains a cell, drop Frictionless's generic constraint
        # message about the same cell (for example a URL pattern): one clear message a cell.
        explained = {(p.file, p.row, p.field) for p in own}
        problems += [p for p in frictionless_problems(package)
                     if not (p.type == "constraint-error" and (p.file, p.row, p.field) in explained)]
        problems += own
        # Broken release snapshots would make the changelog wrong: report them here too.
        problems += load_releases(root)[1]
    return Report(package, sort_problems(list(dict.fromkeys(problems))))
