"""How to cite the dataset and each record, and the schema.org Dataset description."""

from __future__ import annotations

import re
from typing import Any

from build_scripts.load.package import Package


def release_name(package: Package) -> str:
    """``<name>-<version>``, the stem of the release files (and the BibTeX key)."""
    return f"{package.descriptor.get('name', 'package')}-{package.descriptor.get('version', '0')}"


def author_names(package: Package) -> list[str]:
    """The contributors' names, in the descriptor's order."""
    return [str(c.get("title")) for c in package.descriptor.get("contributors", [])
            if c.get("title")]


def authors(package: Package) -> str:
    """The contributors' names joined for a citation."""
    return ", ".join(author_names(package)) or "Unknown"


def year(package: Package) -> str:
    """The release year, from ``created`` (empty when unknown)."""
    return str(package.descriptor.get("created", ""))[:4]


def dataset_citation(package: Package, url: str = "") -> str:
    """A plain-text citation of the dataset version."""
    d = package.descriptor
    text = f"{authors(package)} ({year(package)}). {d.get('title', '')}. Version {d.get('version', '')}."
    return text + (f" {url}" if url else "")


def _bibtex_escape(text: str) -> str:
    return re.sub(r"([{}\\&%$#_])", r"\\\1", text)


def bibtex(package: Package, url: str = "") -> str:
    """A BibTeX ``@misc`` entry for the dataset version."""
    d = package.descriptor
    lines = [f"@misc{{{release_name(package)},",
             f"  author = {{{_bibtex_escape(authors(package))}}},",
             f"  title = {{{_bibtex_escape(str(d.get('title', '')))}}},",
             f"  year = {{{year(package)}}},",
             f"  version = {{{_bibtex_escape(str(d.get('version', '')))}}},",
             f"  note = {{Licence: {_bibtex_escape(_licence(d))}}},"]
    if url:
        lines.append(f"  url = {{{url}}},")
    lines.append("}")
    return "\n".join(lines)


def record_citation(package: Package, record_title: str, record_id: str, url: str = "") -> str:
    """A plain-text citation of one record: title, id, dataset and version, address."""
    d = package.descriptor
    text = (f"“{record_title}”, record {record_id}. In: {d.get('title', '')}, "
            f"version {d.get('version', '')}.")
    return text + (f" {url}" if url else "") + " Accessed on the date you read it."


def _licence(descriptor: dict[str, Any]) -> str:
    licences = descriptor.get("licenses") or [{}]
    return str(licences[0].get("name", "unknown"))


def dataset_jsonld(package: Package, downloads: list[tuple[str, str]],
                   site_url: str = "") -> dict[str, Any]:
    """A schema.org ``Dataset`` (name, description, licence, version, creator, coverage,
    distribution) for the page head; ``downloads`` are ``(file name, media type)``."""
    d = package.descriptor
    coverage = d.get("temporalCoverage") or {}
    spatial = d.get("spatialCoverage") or {}
    licences = d.get("licenses") or [{}]
    base = site_url.rstrip("/") + "/downloads/" if site_url else "downloads/"
    return {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "name": d.get("title", ""),
        "description": d.get("description", ""),
        "version": d.get("version", ""),
        "license": licences[0].get("path") or licences[0].get("name", ""),
        "keywords": d.get("keywords", []),
        "creator": [{"@type": "Organization", "name": name}
                    for name in authors(package).split(", ")],
        "temporalCoverage": (f"{coverage.get('start', '')}/{coverage.get('end', '')}"
                             if coverage else ""),
        "spatialCoverage": {"@type": "Place", "name": spatial.get("name", "")},
        "distribution": [{"@type": "DataDownload", "contentUrl": base + name,
                          "encodingFormat": media} for name, media in downloads],
    }
