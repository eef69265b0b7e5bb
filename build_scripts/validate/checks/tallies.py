"""A figure is not below the number of records linked to it.

Declared as ``"x-at-least-count-of": {"resource": "casualties", "field": "incident_id"}`` on
a number field (an incident's fatalities): where the figure is given, it must be at least
the number of rows of ``resource`` whose ``field`` names this record.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from build_scripts.load.package import Package
from build_scripts.load.problems import Problem
from build_scripts.load.values import parse_int
from build_scripts.validate.checks._common import declared, problem, readable_tables, rows


def check(package: Package) -> Iterator[Problem]:
    """Yield a problem for each figure smaller than the records that point at its row."""
    for table in readable_tables(package):
        key = table.key
        if key is None:
            continue
        for field, ref in declared(table, "x-at-least-count-of"):
            linked = package.tables.get(ref["resource"])
            if linked is None or not linked.readable:
                continue
            counts = Counter(row.get(ref["field"], "") for row in linked.rows)
            name = field["name"]
            for number, row in rows(table):
                figure = parse_int(row.get(name, ""))
                count = counts.get(row.get(key, ""), 0)
                if figure is not None and figure < count:
                    yield problem(table, number, name, "tally-below-records", row[name],
                                  f"'{name}' is {figure}, but {count} rows of {linked.path} "
                                  f"are linked to '{row.get(key)}'.",
                                  f"at least {count}, or fix the links in {linked.path}")
