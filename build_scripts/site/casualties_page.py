"""The casualties page: deaths one by one, the reported tolls over time, and the gap."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from build_scripts.site.cells import EMPTY, Cells
from build_scripts.site.chart import TollPoint, tolls_svg
from build_scripts.site.evidence import badge, evidence_items, record_support
from build_scripts.render.escape import markdown_text
from build_scripts.site.model import Dataset
from build_scripts.load.package import Row
from build_scripts.render.jinja import render
from build_scripts.load.values import format_date, parse_date, parse_int
from build_scripts.site.spec import SPEC

CHART_PATH = "assets/generated/tolls.svg"
FIGURES = SPEC.toll_figures
QUALIFIER_WORDS = SPEC.qualifier_words
STATUS_HEADINGS = SPEC.toll_statuses


@dataclass(frozen=True)
class DeathRow:
    """One death as shown in the table (cells already escaped)."""

    id: str
    number: str
    name: str
    age: str
    category: str
    date: str
    place: str
    circumstances: str
    incident: str
    sources: str
    badge: str = ""
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Group:
    """Deaths of one toll status."""

    heading: str
    rows: list[DeathRow]


def figure_text(row: Row, figure: str) -> str:
    """A reported figure with its qualifier in words ('about 100'), or a dash."""
    qualifier = row.get(f"{figure}_qualifier", "")
    value = row.get(figure, "")
    if not value or qualifier == "not-reported":
        return EMPTY
    return QUALIFIER_WORDS.get(qualifier, "") + value


def documented_by(dataset: Dataset, as_of: str, status: str = "official") -> int:
    """How many deaths of ``status`` this record documents on or before ``as_of``."""
    return sum(1 for d in dataset.rows("casualties")
               if d["toll_status"] == status and d["date"] and d["date"] <= as_of)


def _variants(cells: Cells) -> tuple[dict[str, dict[str, list[str]]], list[str]]:
    by_death: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for v in cells.dataset.rows("casualty_variants"):
        by_death[v["casualty_id"]][v["field"]].append(
            f"{markdown_text(v['value'])} ({cells.link('sources', v['source_id'])})")
    items = []
    for casualty_id in sorted(by_death):
        death = cells.dataset.get("casualties", casualty_id)
        who = markdown_text(death["name"] or death["description"]) if death else casualty_id
        for field, values in sorted(by_death[casualty_id].items()):
            items.append(f"[{who}](#{casualty_id}), {markdown_text(field)}: " + "; ".join(values))
    return by_death, items


def _evidence(dataset: Dataset, casualty_id: str) -> tuple[str, tuple[str, ...]]:
    """The check badge and the excerpts of one death (empty without an evidence table)."""
    support = record_support(dataset, "casualties", casualty_id)
    if support is None:
        return "", ()
    return (badge(dataset, "casualties", support, "casualties.md"),
            tuple(evidence_items(dataset, "casualties", support, "casualties.md")))


def casualties_page(dataset: Dataset) -> tuple[str, str]:
    """Return the casualties page Markdown and the tolls chart SVG."""
    cells = Cells(dataset, "casualties.md")
    by_death, variant_items = _variants(cells)
    groups = []
    for status, heading in STATUS_HEADINGS.items():
        rows = []
        deaths = [d for d in dataset.rows("casualties") if d["toll_status"] == status]
        for number, d in enumerate(deaths, start=1):
            place = dataset.get("places", d["place_id"])
            age = markdown_text(d["age"]) if d["age"] else EMPTY
            if "age" in by_death.get(d["casualty_id"], {}):
                age += " (sources disagree)"
            rows.append(DeathRow(
                d["casualty_id"], str(number),
                markdown_text(d["name"]) if d["name"] else "name not published",
                age, markdown_text(d["category"]),
                markdown_text(format_date(d["date"], d["date_precision"])),
                markdown_text(place["name"]) if place else EMPTY,
                markdown_text(d["circumstances"]),
                cells.link("incidents", d["incident_id"]) if d["incident_id"] else EMPTY,
                cells.sources(d["source_ids"]), *_evidence(dataset, d["casualty_id"])))
        if rows:
            groups.append(Group(f"{heading} ({len(rows)})", rows))
    reports = sorted(dataset.rows("casualty_reports"), key=lambda r: (r["as_of"], r["report_id"]))
    table = []
    for r in reports:
        table.append({
            "id": r["report_id"], "as_of": markdown_text(r["as_of"]),
            "reporter": (cells.link("actors", r["reporter_id"], r["reporter"])
                         if r.get("reporter_id") else markdown_text(r["reporter"])),
            "figures": [figure_text(r, f) for f in FIGURES],
            "documented": str(documented_by(dataset, r["as_of"])),
            "wording": markdown_text(r["wording"]), "sources": cells.sources(r["source_ids"])})
    schema = dataset.table("casualty_reports")
    headers = [markdown_text(schema.field(f).get("title", f)) for f in FIGURES]
    points = []
    for r in reports:
        killed, date = parse_int(r["killed"]), parse_date(r["as_of"])
        if killed is not None and date is not None:
            points.append(TollPoint(date, killed, r["killed_qualifier"]))
    official = sorted(d["date"] for d in dataset.rows("casualties")
                      if d["toll_status"] == "official" and d["date"])
    documented = [(parse_date(day), i) for i, day in enumerate(official, start=1)]
    steps = [(day, n) for day, n in documented if day is not None]
    svg = tolls_svg(points, steps, "Deaths: reported tolls and deaths documented one by one",
                    "Deaths")
    official_count = len(official)
    latest = next((r for r in reversed(reports) if figure_text(r, "killed") != EMPTY), None)
    intro = (f"This record documents {official_count} deaths counted in the official toll, one "
             f"row each, and {sum(1 for d in dataset.rows('casualties'))- official_count} "
             "reported deaths the official toll does not count. Below them, every cumulative "
             f"toll as a source reported it ({len(reports)} reports): figures changed over time "
             "and sources disagree, so each report is kept with its source rather than averaged.")
    caption = "Reported tolls (points) against deaths documented one by one (line)."
    if latest:
        caption += (f" Latest reported figure: {figure_text(latest, 'killed')} as of "
                    f"{latest['as_of']} ({latest['reporter']}).")
    alt = (f"Chart of {len(points)} reported death tolls between "
           f"{points[0].as_of if points else ''} and {points[-1].as_of if points else ''}, "
           f"and a line of the {official_count} deaths documented one by one. "
           "The table below gives every figure.")
    page = render("casualties.md.j2", intro=intro, groups=groups, variants=variant_items,
                  chart_intro="Each point is one report; two points on the same day with "
                              "different heights are sources that disagree.",
                  chart_src="assets/generated/tolls.svg", chart_alt=alt, chart_caption=caption,
                  headers=headers, reports=table)
    return page, svg
