"""The bundled package: valid, and every way of breaking any field of it is caught."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import frictionless

from build_scripts.load.package import load_package
from build_scripts.validate.report import validate_package
from tests.conftest import BUNDLED, VALID, set_cell


def test_bundled_package_is_valid() -> None:
    """The project's validator finds no problem in the bundled package."""
    assert validate_package(BUNDLED).problems == []


def test_bundled_package_passes_plain_frictionless() -> None:
    """`frictionless validate datapackage/datapackage.json` passes too."""
    report = frictionless.Package(str(BUNDLED / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_fixture_has_the_bundled_schema() -> None:
    """The tiny fixture declares exactly the bundled package's tables and fields."""
    def shape(root: Path) -> list[Any]:
        descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
        return [(r["name"], r["schema"]) for r in descriptor["resources"]]
    assert shape(VALID) == shape(BUNDLED)


def _breaking_value(field: dict[str, Any]) -> str:
    """A value the schema or the project's checks must reject for ``field``."""
    constraints = field.get("constraints", {})
    if constraints.get("required"):
        return ""
    if field.get("type") in ("date", "integer", "number", "boolean"):
        return "not-a-value"
    if "enum" in constraints:
        return "not-in-the-list"
    if "pattern" in constraints or field.get("x-url"):
        return "Not An Id!"
    return "=1+1"  # free text: a formula-like cell


def test_breaking_any_field_of_any_table_is_caught(tmp_path: Path) -> None:
    """For every field of every table, a bad value is reported at its file, row and column.

    Each round breaks the n-th field of every table at once (on the first data row), so the
    whole schema is covered in as many validations as the widest table has fields.
    """
    package = load_package(BUNDLED)
    widest = max(len(t.field_names) for t in package.tables.values())
    missed = []
    for n in range(widest):
        work = tmp_path / f"round-{n}"
        shutil.copytree(BUNDLED, work)
        broken = {}
        for table in package.tables.values():
            if n < len(table.field_names) and table.rows:
                field = table.schema["fields"][n]
                set_cell(work, table.name, 2, field["name"], _breaking_value(field))
                broken[table.path] = field["name"]
        report = validate_package(work)
        for path, name in broken.items():
            if not any(p.file == path and p.row == 2 and p.field in (name, None)
                       for p in report.problems):
                missed.append((path, name))
        shutil.rmtree(work)
    assert missed == []
