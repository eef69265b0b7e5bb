"""Every id in a list cell (``a;b;c``) names an existing row of the referenced table.

Declared on a field as ``"x-list-reference": {"resource": "sources", "field": "source_id"}``.
This is how citations are machine-checked: each fact-bearing row's ``source_ids`` must resolve.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from build_scripts.load.package import Package
from build_scripts.load.problems import Problem
from build_scripts.load.values import split_ids
from build_scripts.validate.checks._common import declared, problem, readable_tables, rows


def suggest(value: str, known: list[str]) -> str:
    """Return a 'did you mean' phrase naming the closest existing ids, or an empty string."""
    close = difflib.get_close_matches(value, known, n=3, cutoff=0.6)
    return f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""


class Suggester:
    """'Did you mean' for the first few distinct unknown ids of one reference.

    Each suggestion compares a value with every known id, so suggesting for every one of
    200,000 bad rows would make validation quadratic; past ``LIMIT`` distinct values (a
    shifted column, not a typo) the messages simply name the bad id.
    """

    LIMIT = 100  # distinct values per reference: far more than a hand edit produces

    def __init__(self, known: list[str]) -> None:
        self.known = sorted(set(known))
        self.ids = set(self.known)
        self._memo: dict[str, str] = {}

    def __call__(self, value: str) -> str:
        """The suggestion for ``value`` (empty past the limit or when nothing is close)."""
        if value not in self._memo:
            if len(self._memo) >= self.LIMIT:
                return ""
            self._memo[value] = suggest(value, self.known)
        return self._memo[value]


def check(package: Package) -> Iterator[Problem]:
    """Yield a problem for each listed id that does not exist in the referenced table."""
    for table in readable_tables(package):
        for field, ref in declared(table, "x-list-reference"):
            target = package.tables.get(ref["resource"])
            if target is None or not target.readable:
                continue
            hint = Suggester([row.get(ref["field"], "") for row in target.rows])
            for number, row in rows(table):
                for value in split_ids(row.get(field["name"], "")):
                    if value not in hint.ids:
                        yield problem(
                            table, number, field["name"], "list-reference", value,
                            f"'{value}' is not an existing {ref['field']} in {target.path}."
                            + hint(value),
                            f"ids of existing rows of {target.path}, separated by ';' "
                            f"(add the row to {target.path} first if it is new)")
