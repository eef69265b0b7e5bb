"""Counts written into hand-written pages from the data, at build time.

A page (in ``docs/`` or the package's introduction) writes ``[[count TABLE]]`` or
``[[count TABLE FIELD=VALUE ...]]``: the number of rows of ``TABLE`` whose cells equal every
given value. A number in prose is then always the data's, never a figure typed once and left
behind by the next correction. (A macro plugin would do this too, but it renders every page
through Jinja, generated pages full of data included; two numbers do not justify that.)
"""

from __future__ import annotations

import re

from build_scripts.load.package import Package

_COUNT = re.compile(r"\[\[count ([a-z0-9_.-]+)((?: [a-z0-9_]+=[^\s\]]+)*)\]\]")


class CountError(ValueError):
    """A count names a table or field the package does not have."""


def expand_counts(text: str, package: Package, where: str) -> str:
    """Replace every ``[[count ...]]`` of ``text`` with the count from ``package``."""
    def count(match: re.Match[str]) -> str:
        table = package.tables.get(match.group(1))
        if table is None:
            raise CountError(f"{where}: {match.group(0)} names no table of the package")
        conditions = [part.split("=", 1) for part in match.group(2).split()]
        for name, _ in conditions:
            if name not in table.field_names:
                raise CountError(f"{where}: {match.group(0)}: {table.name} has no field {name}")
        return str(sum(1 for row in table.rows
                       if all(row.get(name) == value for name, value in conditions)))
    return _COUNT.sub(count, text)
