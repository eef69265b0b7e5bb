"""Page sections as data: a heading with a list of items or a table, all pre-escaped Markdown."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Grid:
    """A Markdown table: header cells and rows of cells (already escaped)."""

    header: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class Section:
    """A titled part of a page: bullet items or a table; ``empty`` shows when it has neither."""

    heading: str
    items: list[str] = field(default_factory=list)
    table: Grid | None = None
    empty: str = "None recorded."
    body: str = ""  # pre-escaped Markdown shown before the items or table
    # False keeps the section out of the search index (repeats of what the page says above,
    # or long source excerpts): every page downloads the index, so it must stay small.
    searchable: bool = True
