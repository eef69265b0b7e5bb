"""The home page: the curated introduction and key figures, each with its as-of date and source."""

from __future__ import annotations

from dataclasses import dataclass

from build_scripts.site.casualties_page import figure_text
from build_scripts.site.cells import EMPTY, Cells
from build_scripts.render.escape import markdown_text
from build_scripts.site.counts import expand_counts
from build_scripts.site.model import Dataset
from build_scripts.render.jinja import render
from build_scripts.load.values import split_ids
from build_scripts.site.spec import SPEC


@dataclass(frozen=True)
class Figure:
    """One key figure: value, what it counts, and where it comes from (escaped Markdown)."""

    value: str
    label: str
    note: str


def _sources_with_kind(cells: Cells, source_ids: str) -> str:
    """Links to sources, each followed by its kind (newspaper, activist site, ...)."""
    parts = []
    for source_id in split_ids(source_ids):
        source = cells.dataset.get("sources", source_id)
        kind = f" ({markdown_text(source['source_type'])})" if source else ""
        parts.append(cells.link("sources", source_id) + kind)
    return "; ".join(parts)


def key_figures(dataset: Dataset, here: str = "index.md") -> str:
    """The key-figures block: latest reported tolls and the size of the record."""
    cells = Cells(dataset, here)
    figures = []
    deaths = dataset.rows("casualties")
    official = sum(1 for d in deaths if d["toll_status"] == "official")
    figures.append(Figure(str(official), "deaths documented one by one",
                          f"and {len(deaths) - official} reported deaths not officially "
                          "counted; " + cells.link("casualties", deaths[0]["casualty_id"],
                                                   "see the casualties page") if deaths else ""))
    reports = sorted(dataset.rows("casualty_reports"), key=lambda r: (r["as_of"], r["report_id"]))
    table = dataset.table("casualty_reports")
    for figure in SPEC.toll_figures:
        latest = next((r for r in reversed(reports) if figure_text(r, figure) != EMPTY), None)
        if latest is None:
            continue
        title = str(table.field(figure).get("title", figure)).lower()
        figures.append(Figure(
            markdown_text(figure_text(latest, figure)), markdown_text(title) + " (latest report)",
            f"as of {markdown_text(latest['as_of'])}, reported by "
            f"{markdown_text(latest['reporter'])}; source: "
            + _sources_with_kind(cells, latest["source_ids"])))
    version = markdown_text(dataset.descriptor.get("version", ""))
    for name, noun in (("statements", "statements"), ("actors", "actors"),
                       ("incidents", "incidents"), ("sources", "sources")):
        count = len(dataset.rows(name))
        figures.append(Figure(str(count), cells.link_index(name, noun),
                              f"in version {version} of the data"))
    return render("key_figures.md.j2", figures=figures)


def home_page(dataset: Dataset, jsonld: str) -> str:
    """The home page: the package's title, its curated introduction, key figures, ways in.

    The introduction is Markdown written by the package's curators (like the pages in
    ``docs/``), so it is included as written; everything computed from rows is escaped.
    """
    intro = expand_counts(dataset.package.intro, dataset.package, "the introduction")
    return render("home.md.j2", title=str(dataset.descriptor.get("title", "")),
                  intro=intro, figures=key_figures(dataset), jsonld=jsonld)
