"""Assemble every generated file of the site from a validated package (pure: no I/O)."""

from __future__ import annotations

from build_scripts.casualties_page import CHART_PATH, casualties_page
from build_scripts.data_page import data_page
from build_scripts.downloads import package_zip, table_csv, zip_name
from build_scripts.home import home_page
from build_scripts.index_pages import index_page, places_page
from build_scripts.links import index_path, record_path
from build_scripts.model import RECORD_TABLES, build_dataset
from build_scripts.narrative import claims_page, timeline_page
from build_scripts.network_pages import ego_section, network_file, network_files
from build_scripts.package import Package
from build_scripts.record_pages import actor_page, incident_page, source_page, statement_page

RECORD_PAGES = {"statements": statement_page, "incidents": incident_page,
                "sources": source_page}

SiteFiles = dict[str, str | bytes]


def generate_files(package: Package) -> SiteFiles:
    """Return ``{docs-relative path: content}`` for every generated page and asset."""
    dataset = build_dataset(package)
    files: SiteFiles = {}
    files["index.md"] = home_page(dataset)
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
    archive = package_zip(package)
    files[f"downloads/{zip_name(package)}"] = archive
    for name in package.tables:
        files[f"downloads/{name}.csv"] = table_csv(package, name)
    files["data.md"] = data_page(dataset, len(archive))
    return dict(sorted(files.items()))
