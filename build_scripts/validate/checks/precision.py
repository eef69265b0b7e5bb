"""A date agrees with its precision field (``date`` with ``date_precision``).

A month-precise date is the first of its month, a year-precise date is 1 January; a date of
``unknown`` precision is empty, and any other precision needs a date.
"""

from __future__ import annotations

from collections.abc import Iterator

from build_scripts.load.package import Package
from build_scripts.load.problems import Problem
from build_scripts.load.values import parse_date
from build_scripts.validate.checks._common import problem, readable_tables, rows


def check(package: Package) -> Iterator[Problem]:
    """Yield a problem for each date that contradicts its precision."""
    for table in readable_tables(package):
        for name in table.header:
            precision_field = f"{name}_precision"
            if precision_field not in table.header:
                continue
            for number, row in rows(table):
                precision, cell = row.get(precision_field, ""), row.get(name, "")
                date = parse_date(cell)
                if precision == "unknown" and cell:
                    yield problem(table, number, name, "date-precision", cell,
                                  f"'{name}' is filled although its precision is 'unknown'.",
                                  f"an empty '{name}', or the precision day, month or year")
                elif precision in ("day", "month", "year") and not cell:
                    yield problem(table, number, name, "date-precision", "",
                                  f"'{name}' is empty although its precision is '{precision}'.",
                                  "a date such as 2024-05-16, or the precision 'unknown'")
                elif date and precision == "month" and date.day != 1:
                    yield problem(table, number, name, "date-precision", cell,
                                  f"'{cell}' is not the first day of a month, but the "
                                  "precision is 'month'.",
                                  f"{date.replace(day=1).isoformat()}, or the precision 'day'")
                elif date and precision == "year" and (date.month, date.day) != (1, 1):
                    yield problem(table, number, name, "date-precision", cell,
                                  f"'{cell}' is not 1 January, but the precision is 'year'.",
                                  f"{date.year}-01-01, or the precision 'day'")
