"""The command line: exit codes, output formats, and no traceback for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tests.conftest import ROOT, VALID, set_cell


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m build_scripts`` with ``args`` from the repository root."""
    return subprocess.run([sys.executable, "-m", "build_scripts", *args], cwd=ROOT,
                          capture_output=True, text=True, check=False)


def test_validate_valid_package_exits_0() -> None:
    """A valid package prints 'valid' and exits 0."""
    result = run("validate", "--package", str(VALID))
    assert result.returncode == 0
    assert "valid." in result.stdout


def test_validate_invalid_package_exits_1_with_location(
        package_copy: Callable[[Path], Path]) -> None:
    """An invalid package exits 1 and the text names file, row, column and the fix."""
    package = package_copy(VALID)
    set_cell(package, "statements", 3, "speaker_id", "dam-compny")
    result = run("validate", "--package", str(package))
    assert result.returncode == 1
    assert "data/statements.csv, row 3, column 'speaker_id'" in result.stdout
    assert "Did you mean 'dam-company'?" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_usage_error_exits_2() -> None:
    """An unknown command or option is a usage error: exit 2."""
    assert run("frobnicate").returncode == 2
    assert run("validate", "--format", "xml").returncode == 2


def test_json_format_lists_every_problem(package_copy: Callable[[Path], Path]) -> None:
    """--format json gives a document with each problem's file, row, field and type."""
    package = package_copy(VALID)
    set_cell(package, "actors", 2, "country", "France")
    set_cell(package, "places", 2, "latitude", "north")
    result = run("validate", "--package", str(package), "--format", "json")
    document = json.loads(result.stdout)
    assert document["valid"] is False
    located = {(p["file"], p["row"], p["field"]) for p in document["problems"]}
    assert ("data/actors.csv", 2, "country") in located
    assert ("data/places.csv", 2, "latitude") in located


def test_github_format_annotates_the_line(package_copy: Callable[[Path], Path]) -> None:
    """--format github prints ::error annotations with the file and line."""
    package = package_copy(VALID)
    set_cell(package, "sources", 4, "language", "French")
    result = run("validate", "--package", str(package), "--format", "github")
    assert result.returncode == 1
    assert f"::error file={package}/data/sources.csv,line=4," in result.stdout


def test_bad_inputs_never_print_a_traceback(tmp_path: Path) -> None:
    """Missing folders, empty descriptors and binary junk all end in a sentence, exit 1."""
    cases = {"missing": None, "empty": b"", "binary": b"\xff\xfe\x00junk", "list": b"[1, 2]"}
    for name, content in cases.items():
        folder = tmp_path / name
        if content is not None:
            folder.mkdir()
            (folder / "datapackage.json").write_bytes(content)
        result = run("validate", "--package", str(folder))
        assert result.returncode == 1, name
        assert "Traceback" not in result.stdout + result.stderr, name
        assert "datapackage.json" in result.stdout, name


def test_build_refuses_invalid_package_and_leaves_site(
        package_copy: Callable[[Path], Path], tmp_path: Path) -> None:
    """build on invalid data exits 1 and does not touch the site folder."""
    package = package_copy(VALID)
    set_cell(package, "incidents", 2, "date", "yesterday")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("last good site", encoding="utf-8")
    result = run("build", "--package", str(package), "--site-dir", str(site))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "last good site"
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
