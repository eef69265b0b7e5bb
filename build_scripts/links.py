"""Where each record lives on the site, and how to link to it from another page."""

from __future__ import annotations

import posixpath

from build_scripts.model import RECORD_TABLES


def record_path(table: str, record_id: str) -> str:
    """The Markdown path of a record's own page: ``<table>/<id>.md``."""
    return f"{table}/{record_id}.md"


def index_path(table: str) -> str:
    """The Markdown path of a table's index page."""
    return f"{table}/index.md"


def relative(here: str, target: str) -> str:
    """The relative link from the page ``here`` to ``target`` (both docs-relative paths)."""
    base = posixpath.dirname(here)
    return posixpath.relpath(target, base or ".")


def has_pages(table: str) -> bool:
    """True when records of ``table`` get a page of their own."""
    return table in RECORD_TABLES
