"""Every internal link and anchor of the built site resolves; external links are web URLs."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Links(HTMLParser):
    """Collect hrefs/srcs and element ids of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag in ("a", "link") and values.get("href"):
            self.links.append(str(values["href"]))
        if tag in ("script", "img", "iframe") and values.get("src"):
            self.links.append(str(values["src"]))


def _is_web_url(href: str) -> bool:
    """An absolute http(s) address with a host (checked here independently of the
    product's own URL rule, so a bug there cannot hide here)."""
    parts = urlsplit(href)
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in href


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _target(site: Path, page: Path, href: str) -> Path:
    path = unquote(urlsplit(href).path)
    resolved = (page.parent / path) if not path.startswith("/") else site / path.lstrip("/")
    if path == "" :
        resolved = page
    return resolved / "index.html" if resolved.is_dir() else resolved


def test_every_internal_link_and_anchor_resolves(bundled_site: Path) -> None:
    """All pages: relative links point at files that exist, and #anchors at ids that exist."""
    pages = sorted(bundled_site.rglob("*.html"))
    parsed = {page: _parse(page) for page in pages}
    broken, external = [], []
    for page, links in parsed.items():
        for href in links.links:
            parts = urlsplit(href)
            if parts.scheme in ("http", "https", "mailto", "data") or href.startswith("//"):
                external.append(href)
                continue
            target = _target(bundled_site, page, href).resolve()
            if not target.exists():
                broken.append((str(page.relative_to(bundled_site)), href))
                continue
            if parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append((str(page.relative_to(bundled_site)), href))
    assert broken == []
    assert all(_is_web_url(href) or href.startswith(("mailto:", "data:")) for href in external)
    assert len(pages) > 400
