"""Every id in a list cell (``a;b;c``) names an existing row of the referenced table.

Declared on a field as ``"x-list-reference": {"resource": "sources", "field": "source_id"}``.
This is how citations are machine-checked: each fact-bearing row's ``source_ids`` must resolve.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from build_scripts.checks._common import declared, problem, readable_tables, rows
from build_scripts.package import Package
from build_scripts.problems import Problem
from build_scripts.values import split_ids


def suggest(value: str, known: list[str]) -> str:
    """Return a 'did you mean' phrase naming the closest existing ids, or an empty string."""
    close = difflib.get_close_matches(value, known, n=3, cutoff=0.6)
    return f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""


def check(package: Package) -> Iterator[Problem]:
    """Yield a problem for each listed id that does not exist in the referenced table."""
    for table in readable_tables(package):
        for field, ref in declared(table, "x-list-reference"):
            target = package.tables.get(ref["resource"])
            if target is None or not target.readable:
                continue
            known = sorted({row.get(ref["field"], "") for row in target.rows})
            known_set = set(known)
            for number, row in rows(table):
                for value in split_ids(row.get(field["name"], "")):
                    if value not in known_set:
                        yield problem(
                            table, number, field["name"], "list-reference", value,
                            f"'{value}' is not an existing {ref['field']} in {target.path}."
                            + suggest(value, known),
                            f"ids of existing rows of {target.path}, separated by ';' "
                            f"(add the row to {target.path} first if it is new)")
