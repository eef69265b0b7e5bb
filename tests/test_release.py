"""The data release: loadable by frictionless, pandas and SQLite; reproducible; diffable."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from html import unescape
from pathlib import Path

import frictionless
import pandas as pd
import pytest

from build_scripts.load.package import load_package, load_releases
from build_scripts.release.artefacts import citation_cff, release_files
from build_scripts.release.citation import release_name
from build_scripts.release.diff import changes_markdown, diff_packages
from tests.conftest import BUNDLED, ROOT, VALID


@pytest.fixture(scope="module")
def bundled_release() -> dict[str, bytes]:
    """Every release file of the bundled package."""
    return release_files(load_package(BUNDLED))


def test_release_zip_validates_and_loads(bundled_release: dict[str, bytes], tmp_path: Path) -> None:
    """The zip unpacks to a package that frictionless validates and pandas reads table by table."""
    package = load_package(BUNDLED)
    stem = release_name(package)
    with zipfile.ZipFile(io.BytesIO(bundled_release[f"{stem}.zip"])) as archive:
        archive.extractall(tmp_path)
    root = tmp_path / stem
    for name in ("README.md", "LICENSE", "CITATION.cff", "datapackage.json"):
        assert (root / name).is_file(), name
    report = frictionless.Package(str(root / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type"])
    for name, table in package.tables.items():
        frame = pd.read_csv(root / table.path, keep_default_na=False, dtype=str)
        assert list(frame.columns) == table.field_names, name
        assert len(frame) == len(table.rows), name


def test_sqlite_has_every_table_and_no_broken_foreign_key(
        bundled_release: dict[str, bytes], tmp_path: Path) -> None:
    """The SQLite file has one table per resource, all rows, and foreign_key_check is empty."""
    package = load_package(BUNDLED)
    path = tmp_path / "release.sqlite"
    path.write_bytes(bundled_release[f"{release_name(package)}.sqlite"])
    db = sqlite3.connect(path)
    try:
        for name, table in package.tables.items():
            assert db.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] == len(table.rows)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        declared = db.execute("SELECT COUNT(*) FROM pragma_foreign_key_list('statements')")
        assert declared.fetchone()[0] >= 3
    finally:
        db.close()


def test_checksums_cover_every_file(bundled_release: dict[str, bytes]) -> None:
    """SHA256SUMS lists every other release file with its SHA-256."""
    import hashlib

    lines = bundled_release["SHA256SUMS"].decode().splitlines()
    listed = {line.split("  ", 1)[1]: line.split("  ", 1)[0] for line in lines}
    assert set(listed) == set(bundled_release) - {"SHA256SUMS"}
    for name, digest in listed.items():
        assert hashlib.sha256(bundled_release[name]).hexdigest() == digest


def test_csv_rows_are_sorted_by_primary_key(tmp_path: Path) -> None:
    """Released CSVs are sorted by their primary key, even when the package's rows are not
    (the fixture's rows are reversed first, so an unsorted output cannot pass)."""
    import shutil

    package = tmp_path / "package"
    shutil.copytree(VALID, package)
    for name in ("statements", "sources", "casualty_variants"):
        path = package / "data" / f"{name}.csv"
        header, *rows = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text(header + "".join(reversed(rows)), encoding="utf-8")
    loaded = load_package(package)
    assert [r["statement_id"] for r in loaded.rows("statements")] != sorted(
        r["statement_id"] for r in loaded.rows("statements")), "the input must be unsorted"
    files = release_files(loaded)
    for name, key in (("statements", ["statement_id"]), ("sources", ["source_id"]),
                      ("casualty_variants", ["casualty_id", "field", "source_id"])):
        frame = pd.read_csv(io.BytesIO(files[f"{name}.csv"]), dtype=str, keep_default_na=False)
        rows = frame[key].to_records(index=False).tolist()
        assert rows == sorted(rows), name


def test_json_is_typed(bundled_release: dict[str, bytes]) -> None:
    """JSON tables carry numbers as numbers and empty cells as null."""
    reports = json.loads(bundled_release["casualty_reports.json"])
    assert any(isinstance(r["killed"], int) for r in reports)
    assert any(r["injured"] is None for r in reports)


def test_diff_reports_exactly_the_fixture_changes() -> None:
    """diff of the fixture's past release and its current data lists each change exactly."""
    old = load_releases(VALID)[0][0]
    diff = {t.table: t for t in diff_packages(old, load_package(VALID)).tables}
    assert diff["actors"].removed == ["old-mayor"] and diff["actors"].added == []
    assert diff["incidents"].added == ["2030-03-05-curfew"] and diff["incidents"].removed == []
    assert [(c.field, c.old, c.new) for c in diff["casualties"].changed["death-01"]] == [
        ("age", "53", "54")]
    assert list(diff["statements"].changed) == ["2030-03-03-mayor-blames-dam"]
    assert [c.field for c in diff["statements"].changed["2030-03-03-mayor-blames-dam"]] == [
        "summary"]
    untouched = {"sources", "places", "relations", "statement_targets", "casualty_variants",
                 "casualty_reports"}
    assert all(diff[name].empty for name in untouched)


def test_diff_job_summary_markdown() -> None:
    """The Markdown job summary has a count table and each changed field, pipes escaped."""
    old = load_releases(VALID)[0][0]
    summary = changes_markdown(diff_packages(old, load_package(VALID)))
    assert "| actors | 0 | 1 | 0 |" in summary
    assert "| age | 53 | 54 |" in summary
    assert summary.startswith("## Data changes: 0.0.9 → 0.1.0")


def test_site_shows_changelog_and_tombstone(fixture_site: Path) -> None:
    """The changelog page lists the changes; the removed actor keeps a tombstone page."""
    changelog = (fixture_site / "changelog" / "index.html").read_text(encoding="utf-8")
    assert "old-mayor" in changelog and "2030-03-05-curfew" in changelog
    tombstone = (fixture_site / "actors" / "old-mayor" / "index.html").read_text(encoding="utf-8")
    assert "This record was withdrawn" in tombstone
    assert "The record duplicated jane&#45;mayor." in tombstone or \
        "The record duplicated jane-mayor." in tombstone


def test_citation_cff_is_in_step_with_the_package() -> None:
    """CITATION.cff at the repository root is the one generated from datapackage.json."""
    package = load_package(BUNDLED)
    assert (ROOT / "CITATION.cff").read_text(encoding="utf-8") == citation_cff(package)
    assert f'version: "{package.descriptor["version"]}"' in citation_cff(package)


def test_jsonld_in_the_head_of_home_and_data_pages(fixture_site: Path) -> None:
    """Home and data pages carry a schema.org Dataset in <head>, as valid, escaped JSON."""
    for page in ("index.html", "data/index.html"):
        html = (fixture_site / page).read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        start = head.index('<script type="application/ld+json">') + len(
            '<script type="application/ld+json">')
        document = json.loads(head[start:head.index("</script>", start)])
        assert document["@type"] == "Dataset"
        assert document["version"] == "0.1.0"
        assert any(d["contentUrl"].endswith(".zip") for d in document["distribution"])


def test_record_pages_have_a_citation(fixture_site: Path) -> None:
    """Every record page ends with 'Cite this record' naming the record and the version."""
    page = (fixture_site / "statements" / "2030-03-03-mayor-blames-dam" / "index.html")
    html = page.read_text(encoding="utf-8")
    assert "Cite this record" in html
    assert "record 2030-03-03-mayor-blames-dam" in html.replace("&#45;", "-")
    assert "version 0.1.0" in html.replace("&#46;", ".")


def test_release_command_writes_files_and_refuses_a_changed_same_version(
        package_copy: object, tmp_path: Path) -> None:
    """`release` writes the files and a snapshot; the same version with other data is refused."""
    import subprocess
    import sys

    from tests.conftest import set_cell

    package = package_copy(VALID)  # type: ignore[operator]
    out = tmp_path / "dist"
    command = [sys.executable, "-m", "build_scripts", "release", "--package", str(package),
               "--out", str(out)]
    first = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert first.returncode == 0, first.stderr
    assert (out / "SHA256SUMS").is_file() and (out / "riverside-flood-2030-0.1.0.zip").is_file()
    assert (package / "releases" / "0.1.0" / "data" / "actors.csv").is_file()
    set_cell(package, "actors", 2, "role", "Mayor of Riverside until 2030")
    second = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert second.returncode == 1
    assert "already released with different data" in second.stderr
    assert "Traceback" not in second.stderr


def test_changelog_and_tombstone_from_snapshots_made_by_release(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a copy of the bundled package: release the next patch version with one new source
    (the release command writes the snapshot), withdraw that source, then the generated
    changelog lists the new release and the withdrawal, and the source's address keeps a
    tombstone page."""
    import shutil

    from build_scripts import cli
    from build_scripts.site.generate import generate_files

    package = tmp_path / "datapackage"
    shutil.copytree(BUNDLED, package)
    monkeypatch.chdir(tmp_path)
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    last = descriptor["version"]
    major, minor, patch = (int(part) for part in last.split("."))
    version = f"{major}.{minor}.{patch + 1}"
    descriptor["version"] = version
    (package / "datapackage.json").write_text(json.dumps(descriptor, indent=2),
                                              encoding="utf-8")
    sources = package / "data" / "sources.csv"
    original = sources.read_text(encoding="utf-8")
    new_id = "zz-test-2024-06-01-new-source"
    sources.write_text(original + f"{new_id},Test Publisher,,A test page,false,"
                       "https://example.org/test,,2024-06-01,day,2026-11-29,en,newspaper,"
                       "original,\n", encoding="utf-8")
    assert cli.main(["release", "--package", "datapackage", "--out", "dist"]) == 0
    snapshot = package / "releases" / version
    assert (snapshot / "intro.md").is_file(), "the snapshot holds everything the descriptor names"
    releases, problems = load_releases(package)
    assert problems == []
    assert [r.descriptor["version"] for r in releases][-2:] == [last, version]
    assert cli.main(["diff", f"datapackage/releases/{last}", "datapackage"]) == 0
    sources.write_text(original, encoding="utf-8")  # the new source is withdrawn
    files = generate_files(load_package(package), releases)
    changelog = unescape(str(files["changelog.md"]))  # Markdown escapes are references
    assert f"## {last} → {version}" in changelog
    assert f"## {version} → unreleased changes" in changelog
    assert f"added: [{new_id}]" in changelog and f"removed: [{new_id}]" in changelog
    tombstone = unescape(str(files[f"sources/{new_id}.md"]))
    assert "This record was withdrawn" in tombstone and version in tombstone


def test_broken_snapshot_is_a_problem_not_a_silence(
        tmp_path: Path) -> None:
    """A snapshot missing a file its descriptor names is reported by validation."""
    import shutil

    from build_scripts.validate.report import validate_package

    package = tmp_path / "package"
    shutil.copytree(VALID, package)
    (package / "releases" / "0.0.9" / "data" / "places.csv").unlink()
    report = validate_package(package)
    assert [(p.type, p.file) for p in report.problems] == [
        ("snapshot-error", "releases/0.0.9/data/places.csv")]
