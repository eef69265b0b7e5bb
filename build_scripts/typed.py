"""Typed values of text cells, following the schema's field types (for JSON and SQLite)."""

from __future__ import annotations

from typing import Any

from build_scripts.package import Row, Table

SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}


def typed_value(field: dict[str, Any], cell: str) -> Any:
    """Convert one validated cell: empty → None, integer → int, number → float, boolean → bool."""
    if cell == "":
        return None
    kind = field.get("type", "string")
    if kind == "integer":
        return int(cell)
    if kind == "number":
        return float(cell)
    if kind == "boolean":
        return cell == "true"
    return cell


def typed_rows(table: Table) -> list[dict[str, Any]]:
    """Every row of a validated table with typed values, in schema column order."""
    fields = table.schema["fields"]
    return [{f["name"]: typed_value(f, row.get(f["name"], "")) for f in fields}
            for row in sorted_rows(table)]


def sorted_rows(table: Table) -> list[Row]:
    """Rows sorted by primary key (by every column for a table without one)."""
    key = table.schema.get("primaryKey") or table.field_names
    names = [key] if isinstance(key, str) else list(key)
    return sorted(table.rows, key=lambda row: tuple(row.get(n, "") for n in names))
