"""Assemble every generated file of the site from a validated package (pure: no I/O)."""

from __future__ import annotations

from urllib.parse import urlencode

from build_scripts.site.casualties_page import CHART_PATH, casualties_page
from build_scripts.site.cells import label
from build_scripts.release.citation import record_citation
from build_scripts.site.codebook import codebook_page
from build_scripts.site.data_page import data_page, jsonld_meta
from build_scripts.render.escape import code_block, markdown_text
from build_scripts.site.history_pages import (
    changelog_page,
    corrections_page,
    tombstone_page,
    withdrawn_records,
)
from build_scripts.site.home import home_page
from build_scripts.site.index_pages import index_page, places_page
from build_scripts.site.links import index_path, record_path, relative
from build_scripts.site.model import RECORD_TABLES, build_dataset
from build_scripts.site.narrative import claims_page, timeline_page
from build_scripts.site.network_pages import ego_section, network_file, network_files
from build_scripts.load.package import Package
from build_scripts.site.quality import PAGE as QUALITY_PAGE
from build_scripts.site.quality import quality_page
from build_scripts.site.record_pages import actor_page, incident_page, source_page, statement_page
from build_scripts.release.artefacts import release_files

RECORD_PAGES = {"statements": statement_page, "incidents": incident_page,
                "sources": source_page}

SiteFiles = dict[str, str | bytes]


def cite_block(package: Package, title: str, record_id: str, url: str) -> str:
    """The "cite this record" section appended to each record page."""
    return ("\n## Cite this record { data-search-exclude }\n\n"
            + markdown_text(record_citation(package, title, record_id, url)) + "\n")


def correction_block(table: str, record_id: str, repository: str, here: str) -> str:
    """The "suggest a correction" section: the prefilled issue form, or the contributing page."""
    if repository:
        query = urlencode({"template": "correction.yml", "title": f"Correction: {record_id}",
                           "table": table, "record": record_id})
        url = f"{repository.rstrip('/')}/issues/new?{query}"
        link = f'<a href="{markdown_text(url)}">Suggest a correction</a>'
    else:
        link = f"[Suggest a correction]({relative(here, 'contributing.md')})"
    return (f"\n## Something wrong? {{ data-search-exclude }}\n\n{link} to this record (table {markdown_text(table)}, "
            f"id {markdown_text(record_id)}), with the source that shows the right value.\n")


def invalid_data_page(report: str) -> str:
    """The page ``mkdocs serve`` shows while the package is invalid: the validator's report."""
    return ("---\ntitle: The data package is invalid\n---\n\n# The data package is invalid\n\n"
            "No page was generated from it. Fix these problems and save: this page reloads.\n\n"
            + code_block(report, "text") + "\n")


def generate_files(package: Package, releases: list[Package] | None = None,
                   site_url: str = "", repository: str = "") -> SiteFiles:
    """Return ``{docs-relative path: content}`` for every generated page and asset.

    ``releases`` are the past released versions (for the changelog and tombstones);
    ``site_url`` makes citations carry absolute addresses when the site has one;
    ``repository`` is where "suggest a correction" opens an issue form.
    """
    releases = releases or []
    dataset = build_dataset(package)
    files: SiteFiles = {}
    files["timeline.md"] = timeline_page(dataset)
    files["claims.md"] = claims_page(dataset)
    files["casualties.md"], files[CHART_PATH] = casualties_page(dataset)
    files["places.md"] = places_page(dataset)
    networks = network_files(dataset)
    files.update(networks)
    for table in RECORD_TABLES:
        files[index_path(table)] = index_page(dataset, table)
        for record_id in sorted(dataset.records.get(table, {})):
            path = record_path(table, record_id)
            if table == "actors":
                ego = network_file(f"ego/{record_id}") in networks
                section = ego_section(dataset, record_id, path) if ego else ""
                files[path] = actor_page(dataset, record_id, section)
            else:
                files[path] = RECORD_PAGES[table](dataset, record_id)
            row = dataset.records[table][record_id]
            url = f"{site_url.rstrip('/')}/{table}/{record_id}/" if site_url else ""
            content = files[path]
            assert isinstance(content, str)
            files[path] = (content + cite_block(package, label(dataset, table, row), record_id, url)
                           + correction_block(table, record_id, repository, path))
    for (table, record_id), version in withdrawn_records(dataset, releases).items():
        files[record_path(table, record_id)] = tombstone_page(dataset, table, record_id, version)
    files["changelog.md"] = changelog_page(dataset, releases)
    files["corrections.md"] = corrections_page(dataset)
    files["codebook.md"] = codebook_page(dataset)
    files[QUALITY_PAGE] = quality_page(dataset)
    downloads = release_files(package)
    for name, content in downloads.items():
        files[f"downloads/{name}"] = content
    files["data.md"] = data_page(dataset, downloads, site_url)
    files["index.md"] = home_page(dataset, jsonld_meta(dataset, downloads, site_url))
    return dict(sorted(files.items()))
