"""The data page: what each table holds and where to download it."""

from __future__ import annotations

from dataclasses import dataclass

from build_scripts.downloads import zip_name
from build_scripts.escape import markdown_text
from build_scripts.model import Dataset
from build_scripts.render import render


@dataclass(frozen=True)
class TableEntry:
    """One downloadable table as listed on the data page."""

    title: str
    description: str
    count: int
    file: str


def human_size(size: int) -> str:
    """A byte count as kB or MB with one decimal."""
    return f"{size / 1024:.1f} kB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def data_page(dataset: Dataset, zip_size: int) -> str:
    """The data page, listing every table with its download."""
    descriptor = dataset.descriptor
    tables = []
    for resource in descriptor["resources"]:
        table = dataset.table(resource["name"])
        tables.append(TableEntry(markdown_text(table.title),
                                 markdown_text(resource.get("description", "")),
                                 len(table.rows), f"{resource['name']}.csv"))
    licences = descriptor.get("licenses") or [{}]
    licence = licences[0]
    licence_text = markdown_text(licence.get("title") or licence.get("name") or "unknown")
    if str(licence.get("path", "")).startswith(("http://", "https://")):
        licence_text = f'<a href="{markdown_text(licence["path"])}">{licence_text}</a>'
    return render("data.md.j2", description=markdown_text(descriptor.get("description", "")),
                  version=str(descriptor.get("version", "")), licence=licence_text,
                  zip_name=zip_name(dataset.package), zip_size=human_size(zip_size),
                  tables=tables, first_table=tables[0].file[:-4] if tables else "")
