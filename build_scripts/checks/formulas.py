"""No text cell can start a spreadsheet formula once the CSV is opened in a spreadsheet.

A cell starting with ``=``, ``+``, ``@``, a tab or a carriage return is rejected (CSV injection;
OWASP). ``-`` is allowed because negative coordinates are numbers, not formulas.
"""

from __future__ import annotations

from collections.abc import Iterator

from build_scripts.checks._common import problem, readable_tables, rows
from build_scripts.package import Package
from build_scripts.problems import Problem

FORMULA_STARTS = ("=", "+", "@", "\t", "\r")


def check(package: Package) -> Iterator[Problem]:
    """Yield a problem for each cell that starts like a spreadsheet formula."""
    for table in readable_tables(package):
        for number, row in rows(table):
            for name in table.header:
                value = row.get(name, "")
                if value.startswith(FORMULA_STARTS):
                    first = {"\t": "a tab", "\r": "a carriage return"}.get(value[0],
                                                                          f"'{value[0]}'")
                    yield problem(table, number, name, "formula-like-cell", value,
                                  f"The cell starts with {first}, which a spreadsheet would "
                                  "run as a formula.",
                                  "the same text without that first character (or reworded)")
