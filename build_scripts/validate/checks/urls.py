"""Addresses are absolute http or https URLs (no ``javascript:``, ``data:`` or relative paths).

Declared on a field as ``"x-url": true``.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from build_scripts.load.package import Package
from build_scripts.load.problems import Problem
from build_scripts.validate.checks._common import declared, problem, readable_tables, rows


def is_web_url(value: str) -> bool:
    """True when ``value`` is an absolute http(s) URL with a host and no whitespace."""
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not any(
        ch.isspace() for ch in value)


def check(package: Package) -> Iterator[Problem]:
    """Yield a problem for each declared URL cell that is not an http(s) address."""
    for table in readable_tables(package):
        for field, wanted in declared(table, "x-url"):
            if not wanted:
                continue
            name = field["name"]
            for number, row in rows(table):
                value = row.get(name, "")
                if value and not is_web_url(value):
                    yield problem(table, number, name, "url-scheme", value,
                                  f"'{value[:80]}' is not a web address.",
                                  "an address starting with https:// or http://, copied from "
                                  "the browser's address bar")
