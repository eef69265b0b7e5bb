"""A record does not answer a later record of its own table.

Applies to every foreign key of a table onto itself when the table has a ``date`` field
(a statement's ``responds_to``): the answered record's date is not after the answer's date,
and no record answers itself. Dates are compared at the coarser of the two precisions.
"""

from __future__ import annotations

from collections.abc import Iterator

from build_scripts.load.package import Package
from build_scripts.load.problems import Problem
from build_scripts.load.values import parse_date
from build_scripts.validate.checks._common import problem, readable_tables, rows

# Characters of an ISO date that a precision makes meaningful: compare dates only that far,
# so a reply known to the month is not "earlier" than a claim made later that month.
_WIDTH = {"day": 10, "month": 7, "year": 4}


def check(package: Package) -> Iterator[Problem]:
    """Yield a problem for each self-reference that points forward in time or at itself."""
    for table in readable_tables(package):
        key = table.key
        if key is None or "date" not in table.header:
            continue
        dates = {row.get(key, ""): (row.get("date", ""), row.get("date_precision", "day"))
                 for row in table.rows}
        for fk in table.schema.get("foreignKeys", []):
            if fk["reference"].get("resource") not in ("", table.name):
                continue
            name = fk["fields"]
            for number, row in rows(table):
                target = row.get(name, "")
                if not target or target not in dates:
                    continue
                if target == row.get(key):
                    yield problem(table, number, name, "self-reference", target,
                                  f"The record '{target}' refers to itself in '{name}'.",
                                  f"the id of another record, or an empty '{name}'")
                    continue
                own, other = parse_date(row.get("date", "")), parse_date(dates[target][0])
                width = min(_WIDTH.get(row.get("date_precision", "day"), 10),
                            _WIDTH.get(dates[target][1], 10))
                if own and other and other.isoformat()[:width] > own.isoformat()[:width]:
                    yield problem(table, number, name, "responds-to-later", target,
                                  f"This record ({own}) answers '{target}', which is dated "
                                  f"later ({other}).",
                                  "the id of an earlier record (or correct one of the dates)")
