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
from build_scripts.site.spec import SPEC

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


def _column(table: str, kind: str, argument: str | None) -> Callable[[Cells, Row], str]:
    """The cell function of an index column declared in the site spec."""
    if kind == "self":
        return _self(table, argument)
    if kind == "text" and argument:
        return _text(argument)
    if kind == "date" and argument:
        return _date(argument)
    if kind == "ref" and argument:
        field, target = argument.split(">")
        return _ref(field, target)
    if kind == "count" and argument:
        source, via = argument.split(".")
        return _count(table, source, via)
    if kind == "cited":
        return lambda cells, row: str(len(cells.dataset.incoming.get(
            (table, row[cells.dataset.table(table).key or ""]), [])))
    raise ValueError(f"index column of {table}: unknown kind {kind!r} ({argument!r})")


def _sort_key(table: str) -> Callable[[Row], tuple[str, ...]]:
    """The sort key of an index declared in the site spec ("~field" sorts case-blind)."""
    fields = SPEC.sort_keys[table]
    return lambda row: tuple(row.get(f[1:], "").casefold() if f.startswith("~")
                             else row.get(f, "") for f in fields)


COLUMNS: dict[str, list[Column]] = {
    table: [(heading, _column(table, kind, argument)) for heading, kind, argument in columns]
    for table, columns in SPEC.index_columns.items()}
SORT_KEYS: dict[str, Callable[[Row], tuple[str, ...]]] = {
    table: _sort_key(table) for table in SPEC.sort_keys}


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

