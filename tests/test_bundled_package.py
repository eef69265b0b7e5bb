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


def _breaking_values(field: dict[str, Any]) -> dict[str, str]:
    """Every kind of rule declared on ``field``, each with a value that breaks only it."""
    constraints = field.get("constraints", {})
    kind = field.get("type", "string")
    values: dict[str, str] = {}
    if constraints.get("required"):
        values["required"] = ""
    if kind in ("date", "integer", "number", "boolean"):
        values["type"] = "not-a-value"
    if "enum" in constraints:
        values["enum"] = "not-in-the-list"
    if "pattern" in constraints:
        values["pattern"] = "Not An Id!"
    if "minimum" in constraints:
        values["minimum"] = str(int(constraints["minimum"]) - 1)
    if "maximum" in constraints:
        values["maximum"] = str(int(constraints["maximum"]) + 1)
    if field.get("x-url"):
        values["x-url"] = "ftp://example.org/x"
    if "x-list-reference" in field:
        values["x-list-reference"] = "no-such-id"
    if kind == "string" and not ({"enum", "pattern"} & set(constraints)):
        values["formula"] = "=1+1"
    return values


def test_breaking_any_rule_of_any_field_of_any_table_is_caught(tmp_path: Path) -> None:
    """For every kind of rule on every field of every table, a value breaking it is reported
    at its file, row and column.

    Runs on the fixture, which has rows in every table (corrections included). Each round
    breaks, for one kind of rule, the n-th field carrying it in every table at once (on the
    first data row), so every (field, rule) pair is covered in a few dozen validations.
    """
    package = load_package(VALID)
    assert all(table.rows for table in package.tables.values()), "every table needs a row"
    plan: dict[tuple[str, int], dict[str, tuple[str, str]]] = {}
    for table in package.tables.values():
        counters: dict[str, int] = {}
        for field in table.schema["fields"]:
            for kind, value in _breaking_values(field).items():
                n = counters.get(kind, 0)
                counters[kind] = n + 1
                plan.setdefault((kind, n), {})[table.name] = (field["name"], value)
    kinds = {kind for kind, _ in plan}
    assert {"required", "type", "enum", "pattern", "minimum", "maximum", "x-url",
            "x-list-reference", "formula"} <= kinds
    missed = []
    for index, ((kind, _), breaks) in enumerate(sorted(plan.items())):
        work = tmp_path / f"round-{index}"
        shutil.copytree(VALID, work)
        for table_name, (field_name, value) in breaks.items():
            set_cell(work, table_name, 2, field_name, value)
        report = validate_package(work)
        for table_name, (field_name, value) in breaks.items():
            path = package.tables[table_name].path
            if not any(p.file == path and p.row == 2 and p.field in (field_name, None)
                       for p in report.problems):
                missed.append((kind, path, field_name, value))
        shutil.rmtree(work)
    assert missed == []
