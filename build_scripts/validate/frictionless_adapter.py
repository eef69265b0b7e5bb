"""Run Frictionless on a loaded package and translate its errors into problems.

Frictionless checks types, constraints, primary, unique and foreign keys. It validates the
records :mod:`build_scripts.load.package` read (written out canonically, never the package's own
files), with the
schema every later stage types cells by (:func:`build_scripts.load.typed.strict_schema`): what
passes here is what the site, the release and the diff consume. It never opens a path or an
address of its own, so validation cannot touch the network.

Its error notes are written for programmers; here each becomes a sentence naming the file,
row, column, the bad value and what the schema expects, with the closest existing ids for a
broken foreign key; its own reason is kept where no translation applies.
"""

from __future__ import annotations

import csv
import re
import tempfile
import warnings
from pathlib import Path
from typing import Any

from build_scripts.load.package import DESCRIPTOR, Package, Table
from build_scripts.load.problem_types import PROBLEM_TYPES
from build_scripts.load.problems import Problem
from build_scripts.load.typed import strict_schema
from build_scripts.validate.checks.list_references import Suggester, suggest

EXAMPLES = {
    "date": "a date written YYYY-MM-DD, such as 2024-05-16",
    "integer": "a whole number such as 3, without spaces or words",
    "number": "a number with a dot for decimals, such as -22.27",
    "boolean": "true or false",
    "string": "text",
}


def expected_for(field: dict[str, Any]) -> str:
    """Describe in plain words what a cell of ``field`` must hold."""
    constraints = field.get("constraints", {})
    if "enum" in constraints:
        return "one of: " + ", ".join(str(v) for v in constraints["enum"])
    parts = [EXAMPLES.get(field.get("type", "string"), field.get("type", "a value"))]
    if "pattern" in constraints:
        example = field.get("example")
        parts.append(f"matching the pattern {constraints['pattern']}"
                     + (f" (for example {example})" if example else ""))
    if "minimum" in constraints:
        parts.append(f"at least {constraints['minimum']}")
    if "maximum" in constraints:
        parts.append(f"at most {constraints['maximum']}")
    return ", ".join(parts)


_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO_LIKE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _hint(field: dict[str, Any], value: str | None) -> str:
    """A suggestion for a common mistake in a typed cell, or an empty string."""
    text = (value or "").strip()
    if field.get("type") == "date":
        day_first = _DAY_FIRST.match(text)
        if day_first:
            day, month, year = (int(g) for g in day_first.groups())
            return f" Dates are written year-month-day: did you mean {year:04d}-{month:02d}-{day:02d}?"
        if _ISO_LIKE.match(text):
            return " That day does not exist in the calendar."
    if field.get("type") == "integer" and text.replace(",", "").replace(" ", "").isdigit():
        return f" Write the number without separators: {text.replace(',', '').replace(' ', '')}."
    return ""


def _foreign_key(package: Package, table: Table, error: dict[str, Any],
                 hints: dict[tuple[str, str], Suggester]) -> Problem:
    cells = [str(c) for c in error.get("cells", [])]
    note = str(error.get("note", ""))
    row = error.get("rowNumber")
    for fk in table.schema.get("foreignKeys", []):
        field = fk["fields"]
        if field not in table.header:
            continue
        index = table.header.index(field)
        value = cells[index] if index < len(cells) else ""
        target_name = fk["reference"]["resource"] or table.name
        target = package.tables.get(target_name)
        ref = (target_name, fk["reference"]["fields"])
        if ref not in hints:  # once per reference, not once per error: linear in errors
            hints[ref] = Suggester([r.get(ref[1], "") for r in target.rows] if target else [])
        hint = hints[ref]
        if value and value not in hint.ids:
            path = target.path if target else target_name
            return Problem(table.path, row, field, "foreign-key", value,
                           f"'{value}' is not an existing {fk['reference']['fields']} in {path}."
                           + hint(value),
                           f"the id of an existing row of {path} (add that row first if it is new)",
                           table.line_of(row) if row else None)
    return Problem(table.path, row, None, "foreign-key", ",".join(cells),
                   f"A reference does not resolve: {note}.", "ids of existing rows",
                   table.line_of(row) if row else None)


def _registered(kind: str) -> str:
    """The registry's type for a Frictionless error type (its own name when registered)."""
    return kind if kind in PROBLEM_TYPES else "frictionless-error"


def _key_empty(table: Table, error: dict[str, Any]) -> bool:
    """True when a key error is about empty key cells (Frictionless: 'all "None"'): the
    empty cell is reported as a required cell or a blank row, not as a duplicate."""
    if error.get("type") == "unique-error":
        return error.get("cell") in (None, "")
    cells = error.get("cells") or []
    key = table.schema.get("primaryKey") or []
    names = [key] if isinstance(key, str) else list(key)
    positions = [table.field_names.index(n) for n in names if n in table.field_names]
    return bool(positions) and all(
        (cells[i] if i < len(cells) else None) in (None, "") for i in positions)


def _translate(package: Package, table: Table, error: dict[str, Any],
               hints: dict[tuple[str, str], Suggester]) -> Problem | None:
    kind = str(error.get("type", "error"))
    row = error.get("rowNumber")
    name = error.get("fieldName")
    cell = error.get("cell")
    value = None if cell is None else str(cell)
    line = table.line_of(row) if isinstance(row, int) else None
    field = table.field(name) if name else {}
    if kind == "foreign-key":
        return _foreign_key(package, table, error, hints)
    if kind == "type-error":
        message = f"'{value}' is not a valid {field.get('type', 'value')}." + _hint(field, value)
        return Problem(table.path, row, name, kind, value, message, expected_for(field), line)
    if kind == "constraint-error":
        note = str(error.get("note", ""))
        if note.startswith("constraint \"required\""):
            return Problem(table.path, row, name, "required-cell", "",
                           f"The column '{name}' is required, but this cell is empty.",
                           expected_for(field), line)
        constraints = field.get("constraints", {})
        if note.startswith('constraint "enum"'):
            message = f"'{value}' is not one of the allowed values." + suggest(
                str(value), [str(v) for v in constraints.get("enum", [])])
        elif note.startswith('constraint "pattern"'):
            message = f"'{value}' does not have the expected form."
        elif note.startswith(('constraint "minimum"', 'constraint "maximum"')):
            message = f"'{value}' is out of range."
        else:
            message = f"'{value}' is not allowed here ({note})."
        return Problem(table.path, row, name, kind, value, message, expected_for(field), line)
    if kind in ("primary-key", "unique-error") and _key_empty(table, error):
        return None  # an empty key cell: reported as a required cell or a blank row
    if kind in ("primary-key", "unique-error"):
        key_name = table.key or name
        found = table.row_at(row) if isinstance(row, int) else None
        key_value = found.get(str(key_name), "") if found else value
        return Problem(table.path, row, key_name, "duplicate-key", key_value,
                       f"The id '{key_value}' is already used by an earlier row.",
                       "a new id not used by another row (ids are never reused)", line)
    if kind == "missing-cell":
        return Problem(table.path, row, name, kind, "",
                       f"The row has too few cells: '{name}' is missing.",
                       "as many cells as the header has columns (a comma may be missing)", line)
    if kind == "extra-cell":
        return Problem(table.path, row, None, kind, value,
                       f"The row has more cells than the header has columns (extra: '{value}').",
                       "cells that contain commas wrapped in double quotes", line)
    if kind == "blank-row":
        return Problem(table.path, row, None, kind, "", "The row is empty.",
                       "no empty lines inside the table", line)
    note = str(error.get("note") or error.get("message") or kind)
    return Problem(table.path, row if isinstance(row, int) else None, name, _registered(kind),
                   value, f"Frictionless ({kind}): {note}", "see the schema in datapackage.json",
                   line)


def _cascade(table: Table, error: dict[str, Any], unreadable: set[str]) -> bool:
    """True for an error Frictionless raises only because another table was unreadable."""
    if error.get("type") == "foreign-key":
        targets = {fk["reference"]["resource"] for fk in table.schema.get("foreignKeys", [])}
        return bool(targets & unreadable)
    return False


_LABEL_ERRORS = ("missing-label", "extra-label", "incorrect-label", "duplicate-label",
                 "blank-label", "blank-header")
# Frictionless stops a table after this many errors (its own default); the report says so.
ERROR_LIMIT = 1000


def _reason(error: Any) -> str:
    data = error.to_descriptor() if hasattr(error, "to_descriptor") else {}
    return str(data.get("note") or data.get("message") or error)


def _descriptor_problems(package: Package) -> list[Problem]:
    """Frictionless's own check of the descriptor's metadata (licences, keys, fields ...)."""
    from frictionless import FrictionlessException
    from frictionless import Package as FlPackage

    try:
        report = FlPackage.validate_descriptor(package.descriptor)
    except (FrictionlessException, RecursionError, ValueError, TypeError) as exc:
        return [Problem(DESCRIPTOR, None, None, "package-error", None,
                        f"Frictionless cannot read the descriptor: {exc}",
                        "a descriptor following the Data Package standard")]
    return [Problem(DESCRIPTOR, None, None, "package-error", None,
                    f"Frictionless ({error.type}): {_reason(error)}",
                    "a descriptor following the Data Package standard")
            for error in report.errors]


def _validate_records(package: Package, scratch: Path) -> Any:
    """Frictionless's report on the records the loader read, not on the package's files.

    Each table's records are written to ``scratch`` in the one canonical dialect and read
    back by Frictionless with that dialect stated (no sniffing). Files rather than inline
    data because Frictionless deep-copies inline rows for every foreign key it resolves
    (quadratic in practice: 200,000 rows took a minute). Unreadable tables are validated as
    empty, so foreign keys into them do not cascade into one error per row.
    """
    from frictionless import Dialect, Resource, Schema
    from frictionless import Package as FlPackage
    from frictionless.formats import CsvControl

    resources = []
    for index, table in enumerate(package.tables.values()):
        name = f"table-{index}.csv"  # our own name: nothing from the descriptor is a path
        with open(scratch / name, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(table.field_names)
            if table.readable:
                writer.writerows(table.records)
        dialect = Dialect(header_rows=[1], controls=[CsvControl(delimiter=",",
                                                                 line_terminator="\n")])
        resources.append(Resource(
            name=table.name, path=name, basepath=str(scratch), format="csv",
            encoding="utf-8", dialect=dialect,
            schema=Schema.from_descriptor(strict_schema(table.schema))))
    return FlPackage(resources=resources, basepath=str(scratch)).validate(
        limit_errors=ERROR_LIMIT)


def frictionless_problems(package: Package) -> list[Problem]:
    """Validate the package's rows with Frictionless; return its errors as problems.

    Tables that could not be read at all are validated as empty (their problem is already
    recorded), so foreign keys into them do not cascade into one error per row.
    """
    from frictionless import FrictionlessException

    problems = _descriptor_problems(package)
    if problems:
        return problems
    unreadable = {t.name for t in package.tables.values() if not t.readable}
    try:
        with warnings.catch_warnings(), tempfile.TemporaryDirectory() as scratch:
            warnings.simplefilter("ignore")
            report = _validate_records(package, Path(scratch))
    except (FrictionlessException, RecursionError, ValueError, TypeError) as exc:
        reason = exc.error.message if isinstance(exc, FrictionlessException) else str(exc)
        return [Problem(DESCRIPTOR, None, None, "package-error", None,
                        f"Frictionless cannot read the package: {reason}",
                        "a descriptor following the Data Package standard")]
    by_name = {t.name: t for t in package.tables.values()}
    hints: dict[tuple[str, str], Suggester] = {}
    for task in report.tasks:
        found = by_name.get(str(task.name))
        for error in task.errors:
            data = error.to_descriptor()
            if found is None:
                problems.append(Problem(DESCRIPTOR, None, None,
                                        _registered(str(data.get("type", "error"))),
                                        None, _reason(error),
                                        "see the schema in datapackage.json"))
            elif (found.name not in unreadable and data.get("type") not in _LABEL_ERRORS
                  and not _cascade(found, data, unreadable)):
                translated = _translate(package, found, data, hints)
                if translated is not None:
                    problems.append(translated)
        if found is not None and len(task.errors) >= ERROR_LIMIT:
            problems.append(Problem(
                found.path, None, None, "too-many-problems", None,
                f"Frictionless stopped checking {found.path} after {ERROR_LIMIT:,} problems; "
                "more may follow once these are fixed.",
                "fix the problems listed (often one cause, such as a shifted column), "
                "then validate again"))
    for error in report.errors:
        problems.append(Problem(DESCRIPTOR, None, None, "package-error", None,
                                f"Frictionless ({error.type}): {_reason(error)}",
                                "a descriptor following the Data Package standard"))
    return problems
