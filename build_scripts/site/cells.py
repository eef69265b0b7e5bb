"""Format records and their fields as escaped Markdown, linked where they point elsewhere."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from build_scripts.render.escape import markdown_text
from build_scripts.site.links import has_pages, index_path, record_path, relative
from build_scripts.site.model import Dataset
from build_scripts.load.package import Row
from build_scripts.load.values import format_date, split_ids
from build_scripts.site.spec import SPEC

EMPTY = "—"
LABEL_FIELDS = SPEC.label_fields


def label(dataset: Dataset, table: str, row: Row) -> str:
    """A human label for a record, unescaped: its name or title, else a short description.

    A document with a publisher is labelled "publisher, title", so that a title taken from
    an address (a slug) still says whose page it is.
    """
    if row.get("publisher") and row.get("title"):
        return f"{row['publisher']}, “{row['title']}”"
    for name in LABEL_FIELDS:
        if row.get(name):
            return row[name]
    if row.get("speaker_id"):
        speaker = dataset.get("actors", row["speaker_id"])
        who = speaker["name"] if speaker else row["speaker_id"]
        when = format_date(row.get("date", ""), row.get("date_precision", "day"))
        return f"{who}, {when} ({row.get('kind', '')})"
    key = dataset.table(table).key
    return row.get(key or "", "") or "record"


@dataclass(frozen=True)
class Cells:
    """Formatting helpers bound to a dataset and to the page being written (for links)."""

    dataset: Dataset
    here: str

    def link(self, table: str, record_id: str, text: str | None = None) -> str:
        """A Markdown link to a record's page, or its escaped label when it has no page."""
        row = self.dataset.get(table, record_id)
        shown = markdown_text(text if text is not None else
                              (label(self.dataset, table, row) if row else record_id))
        if row is None:
            return shown
        if has_pages(table):
            return f"[{shown}]({relative(self.here, record_path(table, record_id))})"
        anchor = self.anchor_page(table)
        if anchor:
            return f"[{shown}]({relative(self.here, anchor)}#{record_id})"
        return shown

    def link_index(self, table: str, text: str) -> str:
        """A link to the index page of ``table``."""
        return f"[{markdown_text(text)}]({relative(self.here, index_path(table))})"

    @staticmethod
    def anchor_page(table: str) -> str | None:
        """The page that lists records of ``table`` with an anchor each, if any."""
        return SPEC.anchor_pages.get(table)

    def external(self, url: str, text: str | None = None) -> str:
        """An escaped link to an outside address (validated as http(s) upstream)."""
        return (f'<a href="{markdown_text(url)}" rel="nofollow noopener">'
                f"{markdown_text(text or url)}</a>")

    def sources(self, cell: str) -> str:
        """Links to each source of a ``source_ids`` cell, separated by semicolons."""
        return "; ".join(self.link("sources", sid) for sid in split_ids(cell)) or EMPTY

    def value(self, table: str, field: dict[str, Any], row: Row) -> str:
        """One field of a record as Markdown: links for references, dates at their precision."""
        name = field["name"]
        cell = row.get(name, "")
        if not cell:
            return EMPTY
        target = _reference(self.dataset, table, name)
        if target:
            return self.link(target, cell)
        if "x-list-reference" in field:
            ref = field["x-list-reference"]["resource"]
            return "; ".join(self.link(ref, part) for part in split_ids(cell))
        if field.get("x-url"):
            return self.external(cell)
        if field.get("type") == "boolean":
            return "yes" if cell == "true" else "no"
        precision = row.get(f"{name}_precision")
        if field.get("type") == "date" and precision:
            return markdown_text(format_date(cell, precision))
        return markdown_text(cell)

    def field_rows(self, table: str, row: Row) -> list[tuple[str, str]]:
        """``(title, value)`` for every field of a record, in schema order."""
        return [(markdown_text(field.get("title", field["name"])), self.value(table, field, row))
                for field in self.dataset.table(table).schema["fields"]
                if not field["name"].endswith("_precision")]


def _reference(dataset: Dataset, table: str, field: str) -> str | None:
    for fk in dataset.table(table).schema.get("foreignKeys", []):
        if fk.get("fields") == field:
            return str(fk["reference"]["resource"] or table)
    return None
