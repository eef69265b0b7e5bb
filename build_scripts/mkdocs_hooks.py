"""MkDocs hooks: add the generated pages to the build, so ``mkdocs serve`` shows them live.

The package folder comes from ``extra.data_package`` in ``mkdocs.yml`` (relative to that
file), or from the environment variable ``DATA_PACKAGE``. An invalid package stops the build
with the validator's report; nothing is generated from invalid data.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from build_scripts.formats import format_text
from build_scripts.generate import SiteFiles, generate_files
from build_scripts.package import Package, load_releases
from build_scripts.validate import validate_package

_state: dict[str, Any] = {}


def package_dir(config: MkDocsConfig) -> Path:
    """The data package folder this build renders."""
    configured = os.environ.get("DATA_PACKAGE") or config.extra.get("data_package", "datapackage")
    path = Path(configured)
    if not path.is_absolute():
        path = Path(config.config_file_path).parent / path
    return path


def use_validated(package: Package) -> None:
    """Hand the hook a package the caller has just validated, so it is not validated twice."""
    _state["validated"] = package


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate the package (unless the caller just did) and generate every page once."""
    root = package_dir(config)
    validated = _state.pop("validated", None)
    if isinstance(validated, Package) and validated.root.resolve() == root.resolve():
        package = validated
    else:
        report = validate_package(root)
        if not report.valid:
            name = str(report.package.descriptor.get("name") or root)
            raise PluginError("The data package is invalid; no page was generated.\n"
                              + format_text(report.problems, name))
        package = report.package
    _state["package"] = package
    _state["files"] = generate_files(package, load_releases(root), config.site_url or "",
                                     str(config.extra.get("repository") or ""))
    return config


def extra_pages(config: MkDocsConfig) -> SiteFiles:
    """Pages read from files outside ``docs/`` (``extra.extra_pages``: site path → file)."""
    base = Path(config.config_file_path).parent
    pages: SiteFiles = {}
    for site_path, file_path in (config.extra.get("extra_pages") or {}).items():
        path = base / str(file_path)
        try:
            pages[str(site_path)] = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise PluginError(f"extra.extra_pages: cannot read {path}: {exc}") from exc
    return pages


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages and assets to the files MkDocs builds."""
    generated: SiteFiles = {**_state["files"], **extra_pages(config)}
    for path, content in generated.items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            raise PluginError(f"docs/{path} is hand-written, but the generator also makes "
                              f"{path}: rename one of them.")
        files.append(File.generated(config, path, content=content))
    return files
