"""No text cell can start a spreadsheet formula once the CSV is opened in a spreadsheet.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is rejected (CSV
injection; OWASP). Only a number or integer column may start with ``-``: a negative number is
a number (Frictionless has checked its type), while ``-2+3+cmd|' /C calc'!A0`` in a text
column would run.
"""

from __future__ import annotations

from collections.abc import Iterator

from build_scripts.load.package import Package
from build_scripts.load.problems import Problem
from build_scripts.validate.checks._common import problem, readable_tables, rows

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FIRST = frozenset(FORMULA_STARTS)
NUMERIC = ("number", "integer")


def check(package: Package) -> Iterator[Problem]:
    """Yield a problem for each cell that starts like a spreadsheet formula."""
    for table in readable_tables(package):
        numeric = {f["name"] for f in table.schema.get("fields", [])
                   if f.get("type") in NUMERIC}
        for number, row in rows(table):
            for name, value in row.items():
                # One set lookup a cell: this loop visits every cell of the package.
                if not value or value[0] not in FIRST or (value[0] == "-" and name in numeric):
                    continue
                if value.startswith(FORMULA_STARTS):
                    first = {"\t": "a tab", "\r": "a carriage return"}.get(value[0],
                                                                          f"'{value[0]}'")
                    yield problem(table, number, name, "formula-like-cell", value,
                                  f"The cell starts with {first}, which a spreadsheet would "
                                  "run as a formula.",
                                  "the same text without that first character (or reworded)")
