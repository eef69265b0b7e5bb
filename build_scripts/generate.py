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
from build_scripts.package import Package
from build_scripts.record_pages import actor_page, incident_page, source_page, statement_page

RECORD_PAGES = {"actors": actor_page, "statements": statement_page,
                "incidents": incident_page, "sources": source_page}

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
    for table in RECORD_TABLES:
        files[index_path(table)] = index_page(dataset, table)
        render_page = RECORD_PAGES[table]
        for record_id in sorted(dataset.records.get(table, {})):
            files[record_path(table, record_id)] = render_page(dataset, record_id)
    archive = package_zip(package)
    files[f"downloads/{zip_name(package)}"] = archive
    for name in package.tables:
        files[f"downloads/{name}.csv"] = table_csv(package, name)
    files["data.md"] = data_page(dataset, len(archive))
    return dict(sorted(files.items()))
