"""One invalid package per failure mode: each is rejected with the right type and location."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from build_scripts.validate.report import validate_package
from tests.conftest import VALID, set_cell

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "fixtures" / "invalid_cases.json").read_text(encoding="utf-8"))


def test_valid_fixture_is_valid() -> None:
    """The tiny fixture package has no problem at all."""
    report = validate_package(VALID)
    assert report.problems == []


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_failure_mode_is_reported_at_its_cell(
        case: dict[str, Any], package_copy: Callable[[Path], Path]) -> None:
    """Breaking one cell yields a problem of the expected type at that file, row and column."""
    package = package_copy(VALID)
    set_cell(package, case["table"], case["row"], case["column"], case["value"])
    report = validate_package(package)
    matches = [p for p in report.problems
               if p.type == case["type"] and p.file == f"data/{case['table']}.csv"
               and p.row == case["row"] and p.field == case["column"]]
    assert matches, [p.to_dict() for p in report.problems]
    assert matches[0].expected, "every problem says what was expected"
    if "says" in case:
        assert case["says"] in matches[0].message


def _rewrite(package: Path, table: str, transform: Callable[[bytes], bytes]) -> None:
    path = package / "data" / f"{table}.csv"
    path.write_bytes(transform(path.read_bytes()))


STRUCTURAL = [
    ("missing-column", "actors", lambda b: b.replace(b",notes\n", b"\n", 1), "missing-label", 1),
    ("extra-cell", "actors",
     lambda b: b.replace(b"Mayor of Riverside,riverside-council,",
                         b"Mayor of Riverside,riverside-council,surplus,", 1), "extra-cell", 2),
    ("short-row", "actors",
     lambda b: b.replace(b"Mayor of Riverside,riverside-council,", b"Mayor of Riverside", 1),
     "missing-cell", 2),
    ("non-utf8-byte", "places", lambda b: b.replace(b"Riverside", b"Riversid\xe9", 1),
     "encoding-error", None),
    ("empty-file", "relations", lambda b: b"", "empty-file", 1),
    ("ragged-quote", "places", lambda b: b + b'"unclosed,quote\n', None, None),
]


@pytest.mark.parametrize(("name", "table", "transform", "kind", "row"), STRUCTURAL,
                         ids=[s[0] for s in STRUCTURAL])
def test_structural_breakage_is_reported_without_traceback(
        name: str, table: str, transform: Callable[[bytes], bytes], kind: str | None,
        row: int | None, package_copy: Callable[[Path], Path]) -> None:
    """Files that are not clean CSV are reported by file (and row where there is one)."""
    package = package_copy(VALID)
    _rewrite(package, table, transform)
    report = validate_package(package)
    mine = [p for p in report.problems if p.file == f"data/{table}.csv"]
    assert mine, [p.to_dict() for p in report.problems]
    if kind:
        assert any(p.type == kind for p in mine), [p.to_dict() for p in mine]
    if row:
        assert any(p.row == row for p in mine)


def test_missing_descriptor_is_one_clear_problem(tmp_path: Path) -> None:
    """A folder without datapackage.json gives one package-error naming the file."""
    report = validate_package(tmp_path)
    assert [p.type for p in report.problems] == ["package-error"]
    assert report.problems[0].file == "datapackage.json"


def test_malformed_descriptor_names_the_json_line(package_copy: Callable[[Path], Path]) -> None:
    """Broken JSON is reported with the line of the syntax error."""
    package = package_copy(VALID)
    (package / "datapackage.json").write_text('{"name": "x",\n "resources": [}\n', encoding="utf-8")
    report = validate_package(package)
    assert report.problems[0].type == "package-error"
    assert report.problems[0].line == 2


def test_missing_csv_file_is_reported(package_copy: Callable[[Path], Path]) -> None:
    """A resource whose file is gone is reported as missing, and nothing else crashes."""
    package = package_copy(VALID)
    (package / "data" / "places.csv").unlink()
    report = validate_package(package)
    assert any(p.type == "missing-file" and p.file == "data/places.csv" for p in report.problems)


def test_extra_column_and_unreadable_csv_are_reported(package_copy: Callable[[Path], Path]) -> None:
    """A column the schema does not know, and a stray quote inside a cell, which the reader
    refuses rather than cut the cell in two."""
    package = package_copy(VALID)
    _rewrite(package, "actors", lambda b: b.replace(b",notes\n", b",notes,colour\n", 1))
    _rewrite(package, "places", lambda b: b.replace(b"riverside,Riverside,",
                                                    b'riverside,"River"side,', 1))
    types = {(p.file, p.type) for p in validate_package(package).problems}
    assert ("data/actors.csv", "extra-label") in types
    assert ("data/places.csv", "source-error") in types


def test_more_than_a_thousand_problems_says_frictionless_stopped(
        package_copy: Callable[[Path], Path]) -> None:
    """Past Frictionless's limit, the report says the table was not checked to the end."""
    package = package_copy(VALID)
    _rewrite(package, "places", lambda b: b + b"".join(
        b"bad-%d,Nowhere,Nowhere,sud,XA,north,,none,gazette-2030-03-02-flood-hits-riverside,\n"
        % i for i in range(1100)))
    problems = validate_package(package).problems
    assert [p.file for p in problems if p.type == "too-many-problems"] == ["data/places.csv"]


def test_an_untranslated_frictionless_error_keeps_its_own_words() -> None:
    """A Frictionless error type the adapter does not know keeps Frictionless's type and note."""
    from build_scripts.load.package import load_package
    from build_scripts.validate.frictionless_adapter import _translate

    package = load_package(VALID)
    table = package.tables["places"]
    problem = _translate(package, table, {"type": "row-constraint", "note": "the sum is odd",
                                          "rowNumber": 2}, {})
    assert problem is not None and problem.type == "frictionless-error"
    assert "row-constraint" in problem.message and "the sum is odd" in problem.message
