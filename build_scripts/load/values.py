"""Small pure parsers for the raw text cells of the package."""

from __future__ import annotations

import datetime as dt
import re

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def split_ids(cell: str) -> list[str]:
    """Split a semicolon-separated id list cell into ids, dropping empty parts."""
    return [part.strip() for part in cell.split(";") if part.strip()]


def parse_date(cell: str) -> dt.date | None:
    """Parse an ISO 8601 calendar date, or return None when the cell is empty or malformed."""
    try:
        return dt.date.fromisoformat(cell) if cell else None
    except ValueError:
        return None


def parse_int(cell: str) -> int | None:
    """Parse a base-10 integer, or return None when the cell is empty or malformed."""
    try:
        return int(cell) if cell else None
    except ValueError:
        return None


def format_date(cell: str, precision: str) -> str:
    """Render an ISO date at its precision: ``2024-05`` for a month, ``2024`` for a year."""
    date = parse_date(cell)
    if date is None or precision == "unknown":
        return "date unknown"
    if precision == "year":
        return f"{date.year}"
    if precision == "month":
        return date.strftime("%B %Y")
    return f"{date.day} {date.strftime('%B %Y')}"
