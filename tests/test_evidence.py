"""Evidence: excerpts on record pages, labels computed from them, the data-quality page."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from build_scripts.load.package import load_package
from build_scripts.site.evidence import Support, record_support
from build_scripts.site.model import Excerpt, build_dataset
from tests.conftest import VALID


def _text(path: Path) -> str:
    """The page's visible text, tags removed and whitespace collapsed."""
    html = path.read_text(encoding="utf-8")
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.mark.parametrize(("facts", "excerpts", "status", "missing", "contradicted"), [
    (("date", "place_id"), [], "unsupported", ["date", "place_id"], []),
    (("date", "place_id"), [("date",), ()], "partly", ["place_id"], []),
    (("date", "place_id"), [("date", "place_id")], "supported", [], []),
    (("date",), [("date",), ("date", "contradicts")], "supported", [], ["date"]),
    (("date",), [("date", "contradicts")], "unsupported", ["date"], ["date"]),
])
def test_support_is_computed_from_excerpts(
        facts: tuple[str, ...], excerpts: list[tuple[str, ...]], status: str,
        missing: list[str], contradicted: list[str]) -> None:
    """A fact is supported only by a 'supports' excerpt naming it; contradictions are kept."""
    made = tuple(Excerpt("s", "words", tuple(f for f in e if f != "contradicts"),
                         "contradicts" if "contradicts" in e else "supports") for e in excerpts)
    support = Support(facts, made)
    assert (support.status, support.missing, support.contradicted) == (
        status, missing, contradicted)


def test_empty_and_unknown_fields_are_not_facts_to_check() -> None:
    """Only filled fact fields count (an empty venue or an 'unknown' place asks nothing)."""
    dataset = build_dataset(load_package(VALID))
    support = record_support(dataset, "statements", "2030-03-agency-report")
    assert support is not None
    row = dataset.records["statements"]["2030-03-agency-report"]
    assert all(row[f] not in ("", "unknown") for f in support.facts)
    assert record_support(dataset, "actors", "jane-mayor") is None  # no fact fields declared


def test_statement_page_shows_label_excerpts_and_disagreement(fixture_site: Path) -> None:
    """The page says which facts rest on no excerpt, quotes the excerpt with its source, and
    shows the cited source that gives the date differently."""
    text = _text(fixture_site / "statements" / "2030-03-03-mayor-blames-dam" / "index.html")
    # Facts are named by their field titles ("date of the statement").
    assert ("Partly checked: the date of the statement, venue rest on no excerpt of a cited "
            "source yet") in text
    assert "a cited source gives the date of the statement differently" in text
    assert "Where each fact is stated" in text
    assert ('states the speaker, quote: “Mayor Jane Mayor told reporters: "The dam company '
            'opened the gates without warning us."”') in text
    assert ("gives differently the date of the statement: “The mayor spoke on Monday 4 March.”"
            in text)


def test_death_card_and_incident_page_carry_their_labels(fixture_site: Path) -> None:
    """Every fact of death-01 is stated (Checked); the flood's figures are not yet."""
    casualties = _text(fixture_site / "casualties" / "index.html")
    assert "Checked: every fact of this record is stated" in casualties
    incident = _text(fixture_site / "incidents" / "2030-03-02-flood-reaches-town" / "index.html")
    assert "Partly checked: the fatalities, injuries rest on no excerpt" in incident


def test_data_quality_page_counts_match_the_data(fixture_site: Path) -> None:
    """The page's counts per table are the ones computed here from the fixture."""
    dataset = build_dataset(load_package(VALID))
    text = _text(fixture_site / "data-quality" / "index.html")
    for table, title in (("statements", "Statements"), ("incidents", "Incidents"),
                         ("casualties", "Casualties")):
        supports = [record_support(dataset, table, rid) for rid in dataset.records[table]]
        statuses = [s.status for s in supports if s is not None]
        total = len(statuses)

        def share(status: str, n: int = total, found: list[str] = statuses) -> str:
            part = found.count(status)
            return f"{part} ({round(100 * part / n)} %)"

        assert (f"{title} {total} {share('supported')} {share('partly')} "
                f"{share('unsupported')}") in text, title


def test_search_index_leaves_out_excerpts_and_repeats(fixture_site: Path) -> None:
    """Every page downloads the search index: excerpts, the field table, the citation and the
    correction box stay out of it, while summaries and quotes stay searchable."""
    import json

    index = json.loads((fixture_site / "search" / "search_index.json").read_text("utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    for anchor in ("#where-each-fact-is-stated", "#all-fields", "#cite-this-record",
                   "#something-wrong"):
        assert not [loc for loc in locations if loc.endswith(anchor)], anchor
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "The mayor spoke on Monday 4 March" not in text  # an excerpt
    assert "opened the gates without warning us" in text  # the statement's quote


def test_data_quality_list_is_capped_per_table() -> None:
    """Past the limit, a table's pending records are counted, not listed one by one."""
    from build_scripts.site.quality import quality_page

    dataset = build_dataset(load_package(VALID))
    page = unescape(quality_page(dataset, limit=1))
    statements = [line for line in page.splitlines() if line.startswith("- Statements:")]
    assert len(statements) == 2 and "and 2 more records" in statements[-1]
