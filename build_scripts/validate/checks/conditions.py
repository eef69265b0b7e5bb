"""Fields required or forbidden depending on another field of the same row.

Declarations on a field:

- ``"x-required-with": "name"``: filled whenever the field ``name`` is filled;
- ``"x-required-when": {"field": f, "in": [...]}``: filled when ``f`` holds one of the values;
- ``"x-empty-when": {"field": f, "in": [...]}``: empty when ``f`` holds one of the values.
"""

from __future__ import annotations

from collections.abc import Iterator

from build_scripts.load.package import Package
from build_scripts.load.problems import Problem
from build_scripts.validate.checks._common import declared, problem, readable_tables, rows


def check(package: Package) -> Iterator[Problem]:
    """Yield a problem for each cell that breaks its conditional requirement."""
    for table in readable_tables(package):
        for field, other in declared(table, "x-required-with"):
            name = field["name"]
            for number, row in rows(table):
                if row.get(other) and not row.get(name):
                    yield problem(table, number, name, "required-with", "",
                                  f"'{name}' is empty although '{other}' is filled.",
                                  f"a value for '{name}' whenever '{other}' has one")
        for key, must_fill in (("x-required-when", True), ("x-empty-when", False)):
            for field, rule in declared(table, key):
                name, other, values = field["name"], rule["field"], rule["in"]
                for number, row in rows(table):
                    if row.get(other) not in values:
                        continue
                    cell = row.get(name, "")
                    if must_fill and not cell:
                        yield problem(table, number, name, "required-when", "",
                                      f"'{name}' is empty although '{other}' is "
                                      f"'{row.get(other)}'.",
                                      f"a value for '{name}' (or another value of '{other}')")
                    elif not must_fill and cell:
                        yield problem(table, number, name, "empty-when", cell,
                                      f"'{name}' is filled although '{other}' is "
                                      f"'{row.get(other)}'.",
                                      f"an empty '{name}', or another value of '{other}'")
