"""Helpers shared by the checks: iterate readable tables, fields with a declaration, rows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from build_scripts.load.package import Package, Row, Table
from build_scripts.load.problems import Problem


def readable_tables(package: Package) -> Iterator[Table]:
    """Yield the tables that were read without a structural problem."""
    for table in package.tables.values():
        if table.readable:
            yield table


def declared(table: Table, key: str) -> Iterator[tuple[dict[str, Any], Any]]:
    """Yield ``(field, declaration)`` for each field of ``table`` that declares ``key``."""
    for field in table.schema.get("fields", []):
        if key in field and field.get("name") in table.header:
            yield field, field[key]


def rows(table: Table) -> Iterator[tuple[int, Row]]:
    """Yield ``(row_number, row)`` with Frictionless's row numbering."""
    for index, row in enumerate(table.rows):
        yield table.row_number(index), row


def problem(table: Table, row: int | None, field: str | None, type_: str, value: str | None,
            message: str, expected: str) -> Problem:
    """Build a problem located in ``table`` with its physical line filled in."""
    line = table.line_of(row) if row is not None else None
    return Problem(table.path, row, field, type_, value, message, expected, line)
