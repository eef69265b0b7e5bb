"""Typed values of text cells, parsed by Frictionless's own field types (for JSON and SQLite).

Validation and every later stage must read a cell the same way. Frictionless accepts
``TRUE``, ``True`` and ``1`` as booleans unless a field says otherwise, so
:func:`strict_schema` states the package's booleans (``true``/``false``) on every boolean
field that does not declare its own, and both the validator and :func:`typed_rows` use that
schema: a value that validates is typed exactly as it was validated.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from build_scripts.load.package import Row, Table

SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}
BOOLEAN_DEFAULTS = {"trueValues": ["true"], "falseValues": ["false"]}


def strict_field(field: dict[str, Any]) -> dict[str, Any]:
    """The field as the pipeline reads it: booleans are only ``true`` and ``false`` unless
    the field declares its own ``trueValues``/``falseValues``."""
    if field.get("type") != "boolean":
        return field
    return {**BOOLEAN_DEFAULTS, **field}


def strict_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with :func:`strict_field` applied to every field."""
    return {**schema, "fields": [strict_field(f) for f in schema.get("fields", [])]}


def _reader(field: dict[str, Any]) -> Callable[[str], Any]:
    """The typed reading of one field's cells, with Frictionless's own field type: empty →
    None; integers, numbers and booleans become Python values; dates and other types stay
    the text they were validated as (ISO 8601), so JSON and SQLite hold the package's own
    spelling. Built once per field, not once per cell."""
    kind = field.get("type", "string")
    if kind not in SQL_TYPES:
        return lambda cell: cell or None
    from frictionless import Field

    parser = Field.from_descriptor(strict_field(field))

    def read(cell: str) -> Any:
        if cell == "":
            return None
        parsed, notes = parser.read_cell(cell)
        if notes:
            raise ValueError(f"'{cell}' is not a valid {kind} for the field {field.get('name')}")
        return float(parsed) if kind == "number" else parsed
    return read


def typed_rows(table: Table) -> list[dict[str, Any]]:
    """Every row of a validated table with typed values, in schema column order."""
    readers = [(f["name"], _reader(f)) for f in table.schema["fields"]]
    return [{name: read(row.get(name, "")) for name, read in readers}
            for row in sorted_rows(table)]


def sorted_rows(table: Table) -> list[Row]:
    """Rows sorted by primary key (by every column for a table without one)."""
    key = table.schema.get("primaryKey") or table.field_names
    names = [key] if isinstance(key, str) else list(key)
    return sorted(table.rows, key=lambda row: tuple(row.get(n, "") for n in names))
