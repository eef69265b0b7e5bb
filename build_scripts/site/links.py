"""Where each record lives on the site, and how to link to it from another page."""

from __future__ import annotations

import posixpath
from functools import lru_cache

from build_scripts.site.model import RECORD_TABLES


def record_path(table: str, record_id: str) -> str:
    """The Markdown path of a record's own page: ``<table>/<id>.md``."""
    return f"{table}/{record_id}.md"


def index_path(table: str) -> str:
    """The Markdown path of a table's index page."""
    return f"{table}/index.md"


@lru_cache(maxsize=65536)
def relative(here: str, target: str) -> str:
    """The relative link from the page ``here`` to ``target`` (both docs-relative, normalised
    paths without ``..``). Computed from the split paths: ``posixpath.relpath`` resolves
    against the working directory and was the largest cost of page generation."""
    base = posixpath.dirname(here).split("/") if "/" in here else []
    parts = target.split("/")
    common = 0
    while common < len(base) and common < len(parts) - 1 and base[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:])


def page_url(here: str, target: str) -> str:
    """The link from the file ``here`` (an HTML file of the site) to the page built from
    ``target``: ``actors/x.md`` becomes the directory URL ``actors/x/``."""
    if target.endswith(".md"):
        return relative(here, target[:-3]) + "/"
    return relative(here, target)


def has_pages(table: str) -> bool:
    """True when records of ``table`` get a page of their own."""
    return table in RECORD_TABLES
