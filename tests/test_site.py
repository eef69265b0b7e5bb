"""The built site, read as HTML: pages exist, data is escaped, builds are deterministic."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from build_scripts.load.package import load_package
from build_scripts.pipeline import BuildError, build_site
from tests.conftest import BUNDLED, ROOT, VALID, set_cell

THIRD_PARTY = re.compile(r"""(src|href)=["']?(https?:)?//(?!example\.org)""")


def html(site: Path, path: str) -> str:
    """The text of a built page."""
    return (site / path).read_text(encoding="utf-8")


def test_every_record_has_its_page(fixture_site: Path) -> None:
    """Each actor, statement, incident and source gets a page at <table>/<id>/."""
    package = load_package(VALID)
    for table in ("actors", "statements", "incidents", "sources"):
        key = package.tables[table].key
        for row in package.rows(table):
            assert (fixture_site / table / row[key] / "index.html").is_file(), (table, row[key])


def test_statement_page_shows_quote_translation_and_answer(fixture_site: Path) -> None:
    """A statement page quotes the words in their language, says who translated, links answers."""
    page = html(fixture_site, "statements/2030-03-04-dam-company-denies/index.html")
    assert '<blockquote class="record-quote" lang="fr">' in page
    assert "Nous avons prévenu la mairie deux heures avant." in page
    assert "translation by this project" in page
    assert 'href="../2030-03-03-mayor-blames-dam/"' in page


def test_actor_page_lists_statements_by_and_about(fixture_site: Path) -> None:
    """An actor page lists what it said and what was said about it, with stances."""
    page = html(fixture_site, "actors/dam-company/index.html")
    assert "Statements by Dam Company" in page
    assert "Statements about Dam Company" in page
    assert "accuses" in page


def test_casualties_page_has_chart_table_and_disagreements(fixture_site: Path) -> None:
    """The casualties page shows the deaths, the chart with a text alternative, every report."""
    page = html(fixture_site, "casualties/index.html")
    assert "John Example" in page
    assert "name not published" in page
    assert 'alt="Chart of 3 reported death tolls' in page
    assert (fixture_site / "assets/generated/tolls.svg").read_text(encoding="utf-8").startswith(
        "<?xml")
    for wording in ("no deaths so far", "at least three dead"):
        assert wording in page
    assert "sources disagree" in page


def test_home_shows_key_figures_with_sources(fixture_site: Path) -> None:
    """The home page replaces its placeholder with figures, each with as-of date and source."""
    page = html(fixture_site, "index.html")
    assert "key-figures" in page
    assert "as of 2030-03-03, reported by Example Wire" in page
    assert "<!-- key-figures -->" not in page


def test_downloads_are_on_the_data_page(fixture_site: Path) -> None:
    """The data page links every table's CSV and the zip, and the files exist."""
    page = html(fixture_site, "data/index.html")
    for name in load_package(VALID).tables:
        assert f'href="../downloads/{name}.csv"' in page
        assert (fixture_site / "downloads" / f"{name}.csv").is_file()
    assert (fixture_site / "downloads" / "riverside-flood-2030-0.1.0.zip").is_file()


def test_no_third_party_requests_in_pages(fixture_site: Path) -> None:
    """No built page loads a script, style or font from another host."""
    offenders = []
    for page in fixture_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for match in re.finditer(r"<(script|link|img)[^>]+>", text):
            if THIRD_PARTY.search(match.group(0)):
                offenders.append((page.name, match.group(0)))
    assert offenders == []


HOSTILE = {
    "quote": "</script><script>alert(1)</script> [click](javascript:alert(2)) {{ 7*7 }} **bold**",
    "summary": "<img src=x onerror=alert(3)> | table | _under_ `code` # heading",
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built from the fixture with hostile text in a statement."""
    import shutil

    root = tmp_path_factory.mktemp("hostile")
    package = root / "package"
    shutil.copytree(VALID, package)
    for column, value in HOSTILE.items():
        set_cell(package, "statements", 2, column, value)
    set_cell(package, "actors", 2, "name", "Jane </title><b>Mayor</b> [x](javascript:alert(4))")
    site = root / "site"
    build_site(package, site, ROOT / "mkdocs.yml")
    return site


def test_hostile_text_renders_as_text_everywhere(hostile_site: Path) -> None:
    """Markup, links, template syntax and Markdown in the data show as text, never run."""
    for page in hostile_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in text, page
        assert 'href="javascript:' not in text.lower(), page
        assert "<img src=x" not in text, page
        assert "<b>Mayor</b>" not in text, page
        assert "</title><b>" not in text, page
    page = html(hostile_site, "statements/2030-03-03-mayor-blames-dam/index.html")
    assert "&#60;/script&#62;&#60;script&#62;alert&#40;1&#41;" in page
    assert "&#123;&#123; 7&#42;7 &#125;&#125;" in page
    assert "<strong>bold</strong>" not in page


def _digest(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_failed_mkdocs_build_keeps_last_good_site(
        package_copy: Callable[[Path], Path], tmp_path: Path) -> None:
    """When mkdocs fails (a broken config), the previous site stays exactly as it was."""
    site = tmp_path / "site"
    build_site(VALID, site, ROOT / "mkdocs.yml")
    before = _digest(site)
    broken = tmp_path / "mkdocs.yml"
    broken.write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8")
                      .replace("docs_dir: docs", f"docs_dir: {ROOT / 'docs'}")
                      .replace("  - build_scripts/mkdocs_hook.py",
                               f"  - {ROOT / 'build_scripts/mkdocs_hook.py'}")
                      + "\nnav:\n  - Missing: no-such-page.md\n", encoding="utf-8")
    with pytest.raises(BuildError):
        build_site(VALID, site, broken)
    assert _digest(site) == before
    # Only the (empty) lock file stays beside the site: no staging folder is left behind.
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == [".site.lock"]


def test_bundled_package_builds_every_record_page(bundled_site: Path) -> None:
    """The real package builds strictly and every record has its page."""
    package = load_package(BUNDLED)
    for table in ("actors", "statements", "incidents", "sources"):
        key = package.tables[table].key
        missing = [row[key] for row in package.rows(table)
                   if not (bundled_site / table / row[key] / "index.html").is_file()]
        assert missing == [], table


EVERYWHERE = ("</script><script>alert(1)</script><img src=x onerror=alert(2)> "
              "[x](javascript:alert(3)) {{ 7*7 }} **b** | <b>bold</b>")


def _free_text_fields(package_root: Path) -> dict[str, list[str]]:
    """String fields with no enum, pattern or URL rule: where any text can be typed."""
    import json

    descriptor = json.loads((package_root / "datapackage.json").read_text(encoding="utf-8"))
    fields = {}
    for resource in descriptor["resources"]:
        schema_fields = resource["schema"]["fields"]
        # Fields whose filling another rule ties to a second field stay as they are.
        tied = {f["x-required-with"] for f in schema_fields if "x-required-with" in f}
        names = [f["name"] for f in schema_fields
                 if f.get("type", "string") == "string" and not f.get("x-url")
                 and "x-empty-when" not in f and f["name"] not in tied
                 and not {"enum", "pattern"} & set(f.get("constraints", {}))]
        if names:
            fields[resource["name"]] = names
    return fields


def test_hostile_text_in_every_free_text_field_stays_text(tmp_path: Path) -> None:
    """Markup and link syntax in every free-text field of every table renders only as text."""
    import shutil

    package = tmp_path / "package"
    shutil.copytree(VALID, package)
    fields = _free_text_fields(package)
    assert sum(len(v) for v in fields.values()) > 30
    for table, names in fields.items():
        rows = len(load_package(package).rows(table))
        for row in range(2, rows + 2):
            for name in names:
                set_cell(package, table, row, name, EVERYWHERE)
    site = tmp_path / "site"
    build_site(package, site, ROOT / "mkdocs.yml")
    pages = [p for p in site.rglob("*") if p.suffix in (".html", ".svg", ".xml")]
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text, page
        assert "<img src=x" not in text, page
        assert "<b>bold</b>" not in text, page
        assert 'href="javascript:' not in text.lower(), page


def test_counts_in_hand_written_pages_come_from_the_data(fixture_site: Path) -> None:
    """Numbers written as [[count ...]] in docs/ and the introduction are the fixture's own
    counts (not the bundled package's), and no placeholder is left on any page."""
    package = load_package(VALID)
    official = [r for r in package.rows("casualties") if r["toll_status"] == "official"]
    civilians = [r for r in official if r["category"] == "civilian"]
    methodology = (fixture_site / "methodology" / "index.html").read_text(encoding="utf-8")
    assert f"official toll ({len(official)})" in methodology
    assert f"official count ({len(civilians)} civilians and" in " ".join(methodology.split())
    for page in fixture_site.rglob("*.html"):
        assert "[[count" not in page.read_text(encoding="utf-8"), page


@pytest.mark.parametrize(("text", "expected"), [
    ("[[count casualties]] deaths", "3 deaths"),
    ("[[count casualties toll_status=official]]", "2"),
    ("[[count casualties toll_status=official category=civilian]]", "1"),
    ("[[count corrections action=withdrawn]] and [[count places]]", "1 and 3"),
    ("no placeholder [count casualties]", "no placeholder [count casualties]"),
])
def test_expand_counts(text: str, expected: str) -> None:
    """The count placeholder counts rows matching every condition."""
    from build_scripts.site.counts import expand_counts

    assert expand_counts(text, load_package(VALID), "test") == expected


@pytest.mark.parametrize("text", ["[[count nowhere]]", "[[count casualties colour=red]]"])
def test_expand_counts_refuses_unknown_names(text: str) -> None:
    """A count naming a missing table or field stops the build with the page named."""
    from build_scripts.site.counts import CountError, expand_counts

    with pytest.raises(CountError, match="test"):
        expand_counts(text, load_package(VALID), "test")
