"""Index pages: one sortable table per table of records, linking to each record."""

from __future__ import annotations

from collections.abc import Callable

from build_scripts.site.cells import EMPTY, Cells
from build_scripts.render.escape import markdown_text
from build_scripts.site.links import index_path
from build_scripts.site.model import Dataset
from build_scripts.load.package import Row
from build_scripts.render.jinja import render
from build_scripts.load.values import split_ids

Column = tuple[str, Callable[[Cells, Row], str]]


def _text(field: str) -> Callable[[Cells, Row], str]:
    return lambda cells, row: markdown_text(row.get(field, "")) or EMPTY


def _date(field: str) -> Callable[[Cells, Row], str]:
    # ISO dates sort correctly as text in the table; the precision follows in words.
    def cell(cells: Cells, row: Row) -> str:
        precision = row.get(f"{field}_precision", "day")
        if not row.get(field):
            return EMPTY
        shown = row[field][: {"year": 4, "month": 7}.get(precision, 10)]
        return markdown_text(shown)
    return cell


def _ref(field: str, table: str) -> Callable[[Cells, Row], str]:
    return lambda cells, row: cells.link(table, row[field]) if row.get(field) else EMPTY


def _self(table: str, text_field: str | None = None) -> Callable[[Cells, Row], str]:
    def cell(cells: Cells, row: Row) -> str:
        key = cells.dataset.table(table).key or ""
        return cells.link(table, row[key], row.get(text_field) if text_field else None)
    return cell


def _count(table: str, source_table: str, via: str | None = None) -> Callable[[Cells, Row], str]:
    def cell(cells: Cells, row: Row) -> str:
        key = cells.dataset.table(table).key or ""
        return str(len(cells.dataset.linked_from(table, row[key], source_table, via)))
    return cell


COLUMNS: dict[str, list[Column]] = {
    "actors": [("Name", _self("actors")), ("Kind", _text("actor_type")),
               ("Country", _text("country")), ("Role at the time", _text("role")),
               ("Statements", _count("actors", "statements", "speaker_id")),
               ("Targeted by", _count("actors", "statement_targets", "actor_id"))],
    "statements": [("Date", _date("date")), ("Speaker", _ref("speaker_id", "actors")),
                   ("Kind", _text("kind")), ("Summary", _self("statements", "summary")),
                   ("Language", _text("quote_language"))],
    "incidents": [("Date", _date("date")), ("Incident", _self("incidents")),
                  ("Type", _text("incident_type")), ("Place", _ref("place_id", "places")),
                  ("Fatalities", _text("fatalities"))],
    "sources": [("Published", _date("published")), ("Title", _self("sources")),
                ("Publisher", _text("publisher")), ("Kind", _text("source_type")),
                ("Copy", _text("copy_type")), ("Language", _text("language")),
                ("Cited by", lambda cells, row: str(len(
                    cells.dataset.incoming.get(("sources", row["source_id"]), []))))],
}
SORT_KEYS: dict[str, Callable[[Row], tuple[str, ...]]] = {
    "actors": lambda r: (r["name"].casefold(), r["actor_id"]),
    "statements": lambda r: (r["date"], r["statement_id"]),
    "incidents": lambda r: (r["date"], r["incident_id"]),
    "sources": lambda r: (r["publisher"].casefold(), r["source_id"]),
}


def index_page(dataset: Dataset, table: str) -> str:
    """The index page of ``table``: every record in a sortable table."""
    cells = Cells(dataset, index_path(table))
    resource = dataset.table(table)
    rows = sorted(resource.rows, key=SORT_KEYS[table])
    columns = COLUMNS[table]
    intro = (markdown_text(resource.schema.get("description") or _description(dataset, table))
             + f" {len(rows)} records. Click a column's header to sort by it.")
    return render("index.md.j2", title=resource.title, intro=intro,
                  header=[name for name, _ in columns],
                  rows=[[fn(cells, row) for _, fn in columns] for row in rows])


def places_page(dataset: Dataset) -> str:
    """The gazetteer: every place with an anchor, its coordinates and their precision."""
    cells = Cells(dataset, "places.md")
    resource = dataset.table("places")
    rows = []
    for row in sorted(resource.rows, key=lambda r: r["place_id"]):
        coords = (f"{row['latitude']}, {row['longitude']}" if row.get("latitude") else EMPTY)
        incidents = dataset.linked_from("places", row["place_id"], "incidents", "place_id")
        rows.append([f'<span id="{row["place_id"]}"></span>' + markdown_text(row["name"]),
                     markdown_text(row["commune"]), markdown_text(row["province"]),
                     markdown_text(coords), markdown_text(row["coordinate_precision"]),
                     str(len(incidents)),
                     "; ".join(cells.link("sources", s) for s in split_ids(row["source_ids"]))])
    intro = (markdown_text(_description(dataset, "places"))
             + f" {len(rows)} places. Coordinates appear only where a source states them.")
    return render("index.md.j2", title=resource.title, intro=intro,
                  header=["Place", "Commune", "Province", "Coordinates", "Precision",
                          "Incidents", "Sources"], rows=rows)


def _description(dataset: Dataset, table: str) -> str:
    for resource in dataset.descriptor.get("resources", []):
        if resource.get("name") == table:
            return str(resource.get("description", ""))
    return ""

