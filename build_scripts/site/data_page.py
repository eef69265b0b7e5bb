"""The data page: what each table holds, the downloads, and how to cite the dataset."""

from __future__ import annotations

from dataclasses import dataclass

from build_scripts.release.citation import bibtex, dataset_citation, dataset_jsonld
from build_scripts.render.escape import markdown_text, script_json
from build_scripts.site.model import Dataset
from build_scripts.release.citation import release_name

MEDIA_TYPES = {".zip": "application/zip", ".sqlite": "application/vnd.sqlite3",
               ".csv": "text/csv", ".json": "application/json"}


@dataclass(frozen=True)
class TableEntry:
    """One downloadable table as listed on the data page."""

    name: str
    title: str
    description: str
    count: int


def human_size(size: int) -> str:
    """A byte count as kB or MB with one decimal."""
    return f"{size / 1024:.1f} kB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def distribution(downloads: dict[str, bytes]) -> list[tuple[str, str]]:
    """``(file name, media type)`` of each download that has a known media type."""
    out = []
    for name in sorted(downloads):
        suffix = name[name.rfind("."):] if "." in name else ""
        if suffix in MEDIA_TYPES:
            out.append((name, MEDIA_TYPES[suffix]))
    return out


def jsonld_meta(dataset: Dataset, downloads: dict[str, bytes], site_url: str = "") -> str:
    """The schema.org Dataset as JSON safe inside a ``<script>`` element."""
    return script_json(dataset_jsonld(dataset.package, distribution(downloads), site_url))


def data_page(dataset: Dataset, downloads: dict[str, bytes], site_url: str = "") -> str:
    """The data page, listing every table with its downloads, the citation and JSON-LD."""
    from build_scripts.render.jinja import render

    package = dataset.package
    descriptor = dataset.descriptor
    tables = [TableEntry(r["name"], markdown_text(dataset.table(r["name"]).title),
                         markdown_text(r.get("description", "")),
                         len(dataset.table(r["name"]).rows))
              for r in descriptor["resources"]]
    licence = (descriptor.get("licenses") or [{}])[0]
    licence_text = markdown_text(licence.get("title") or licence.get("name") or "unknown")
    if str(licence.get("path", "")).startswith(("http://", "https://")):
        licence_text = f'<a href="{markdown_text(licence["path"])}">{licence_text}</a>'
    stem = release_name(package)
    url = site_url.rstrip("/") + "/data/" if site_url else ""
    return render("data.md.j2", description=markdown_text(descriptor.get("description", "")),
                  version=str(descriptor.get("version", "")), licence=licence_text,
                  zip_name=f"{stem}.zip", zip_size=human_size(len(downloads[f"{stem}.zip"])),
                  sqlite_name=f"{stem}.sqlite",
                  sqlite_size=human_size(len(downloads[f"{stem}.sqlite"])),
                  tables=tables, first_table=tables[0].name if tables else "",
                  citation=dataset_citation(package, url), bibtex=bibtex(package, url),
                  jsonld=jsonld_meta(dataset, downloads, site_url))
