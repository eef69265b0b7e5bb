"""The project's own cross-table checks: one rule a module, each a generator of problems.

Each check takes a loaded :class:`~build_scripts.load.package.Package` and yields
:class:`~build_scripts.load.problems.Problem` values; none prints or raises. Checks read only
tables that were readable, and parse cells defensively: a cell Frictionless rejects (a bad
date, a non-integer) is skipped here, since Frictionless already reported it.

The rules are generic: they read declarations from the schema (``x-list-reference``,
``x-not-before``, ``x-required-when`` ...), so a package of another topic gets the same checks.
"""

from collections.abc import Callable, Iterator

from build_scripts.load.package import Package
from build_scripts.load.problems import Problem
from build_scripts.validate.checks import (
    conditions,
    coverage,
    evidence,
    formulas,
    list_references,
    precision,
    responses,
    tallies,
    urls,
)

Check = Callable[[Package], Iterator[Problem]]

ALL_CHECKS: tuple[Check, ...] = (
    list_references.check,
    conditions.check,
    precision.check,
    coverage.check,
    responses.check,
    tallies.check,
    urls.check,
    formulas.check,
    evidence.check,
)


def run_checks(package: Package) -> list[Problem]:
    """Run every cross-table check on the package and return all problems found."""
    return [problem for check in ALL_CHECKS for problem in check(package)]
