"""Dates fall inside their plausible range.

- A field declaring ``"x-in-coverage": true`` lies within the package's
  ``temporalCoverage`` (``start`` and ``end``, ISO dates).
- A field declaring ``"x-not-before": "other"`` is not earlier than the field ``other`` of the
  same row (an end date before its start, a death before its injury, an access before publication).
"""

from __future__ import annotations

from collections.abc import Iterator

from build_scripts.load.package import Package
from build_scripts.load.problems import Problem
from build_scripts.load.values import parse_date
from build_scripts.validate.checks._common import declared, problem, readable_tables, rows


def check(package: Package) -> Iterator[Problem]:
    """Yield a problem for each date outside the coverage or before its paired date."""
    coverage = package.descriptor.get("temporalCoverage") or {}
    start = parse_date(str(coverage.get("start", "")))
    end = parse_date(str(coverage.get("end", "")))
    for table in readable_tables(package):
        for field, wanted in declared(table, "x-in-coverage"):
            if not wanted or start is None or end is None:
                continue
            name = field["name"]
            for number, row in rows(table):
                date = parse_date(row.get(name, ""))
                if date and not start <= date <= end:
                    yield problem(table, number, name, "date-out-of-range", row[name],
                                  f"{row[name]} lies outside the period this package covers "
                                  f"({start} to {end}).",
                                  f"a date between {start} and {end} (a typo in the year?)")
        for field, other in declared(table, "x-not-before"):
            name = field["name"]
            for number, row in rows(table):
                date, earlier = parse_date(row.get(name, "")), parse_date(row.get(other, ""))
                if date and earlier and date < earlier:
                    yield problem(table, number, name, "date-order", row[name],
                                  f"'{name}' ({row[name]}) is before '{other}' ({row[other]}).",
                                  f"a date on or after {row[other]}")
