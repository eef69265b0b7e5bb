"""The pipeline, stage by stage: load → validate → release artefacts → site pages → write.

The CLI and the MkDocs hook file (``build_scripts/mkdocs_hook.py``, named in ``mkdocs.yml``)
both call this module. MkDocs loads the hook file by its path, as a module object of its own;
the hook functions live here, in a module imported by name, so the package validated by
:func:`build_site` is the one the hook renders: a build reads and validates it once.

The package folder comes from ``DATA_PACKAGE`` (set by :func:`build_site`) or from
``extra.data_package`` in ``mkdocs.yml`` (relative to that file). An invalid package stops the
build with the validator's report; nothing is generated from invalid data.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from build_scripts.load.package import Package, load_releases
from build_scripts.site.counts import CountError, expand_counts
from build_scripts.site.generate import SiteFiles, generate_files, invalid_data_page
from build_scripts.validate.formats import format_text
from build_scripts.validate.report import Report, validate_package
from build_scripts.write.outputs import (
    OutputError,
    check_output_dir,
    mark,
    new_staging,
    output_lock,
    protected_folders,
    publish,
    remove_stale_staging,
)

_state: dict[str, Any] = {}


class BuildError(Exception):
    """The site could not be built; the message says why."""


def _epoch(descriptor: dict[str, Any]) -> str:
    """SOURCE_DATE_EPOCH for the sitemap: from the environment, else the package's
    ``created`` date, else 0, so the same package always gives the same bytes."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    import datetime as dt

    created = str(descriptor.get("created", ""))
    try:
        moment = dt.datetime.fromisoformat(created.replace("Z", "+00:00"))
    except ValueError:
        return "0"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return str(int(moment.timestamp()))


class InvalidPackage(BuildError):
    """The package did not validate; ``report`` holds every problem."""

    def __init__(self, report: Report) -> None:
        super().__init__("the package is invalid")
        self.report = report


def build_site(package_dir: Path, site_dir: Path, config_file: Path,
               validated: Package | None = None, force: bool = False) -> Package:
    """Validate the package at ``package_dir`` and build its site into ``site_dir``.

    ``site_dir`` must be a folder this command made (or a new or empty one; ``force``
    replaces any other folder); see :mod:`build_scripts.write.outputs`. The site is built in a
    staging folder with ``mkdocs build --strict`` and swapped in only when everything
    succeeded, so a failed or killed build leaves the last good site in place. The package
    is read and validated once (``validated`` skips even that, for a caller that just did);
    the MkDocs hook renders that same package. Returns the package built.
    """
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        docs_dir = Path(load_config(str(config_file))["docs_dir"])
    except (MkDocsException, OSError, SystemExit) as exc:
        raise BuildError(f"Cannot read {config_file}: {exc}") from exc
    protected, inside = protected_folders(config_file.resolve().parent, package_dir, docs_dir)
    try:
        target = check_output_dir(site_dir, "site", protected, inside, force)
        if validated is None:
            report = validate_package(package_dir)
            if not report.valid:
                raise InvalidPackage(report)
            validated = report.package
        with output_lock(target):
            remove_stale_staging(target, "site")
            staging = new_staging(target, "site")
            try:
                _mkdocs_build(package_dir, staging, config_file, validated)
                mark(staging, "site")
                publish(staging, target, "site")
            finally:
                # After a successful publish the staging path holds nothing (or the old site
                # on its way out); after a failure, the half-built site: neither is kept.
                shutil.rmtree(staging, ignore_errors=True)
    except OutputError as exc:
        raise BuildError(str(exc)) from exc
    return validated


def _mkdocs_build(package_dir: Path, staging: Path, config_file: Path,
                  validated: Package) -> None:
    """Run ``mkdocs build --strict`` into ``staging``; raise :class:`BuildError` on failure."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    previous_env = os.environ.get("DATA_PACKAGE"), os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["DATA_PACKAGE"] = str(package_dir.resolve())
    os.environ["SOURCE_DATE_EPOCH"] = _epoch(validated.descriptor)
    log = io.StringIO()
    handler = logging.StreamHandler(log)
    handler.setLevel(logging.WARNING)
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    try:
        config = load_config(str(config_file), site_dir=str(staging), strict=True)
        _state["validated"] = validated  # on_config below takes it: no second validation
        build(config)
    except MkDocsException as exc:
        raise BuildError(f"{exc}\n{log.getvalue()}".strip()) from exc
    except SystemExit as exc:  # mkdocs aborts strict builds with warnings this way
        raise BuildError(f"mkdocs stopped: {log.getvalue().strip()}") from exc
    except (OSError, RecursionError, MemoryError) as exc:
        raise BuildError(f"{type(exc).__name__}: {exc}\n{log.getvalue()}".strip()) from exc
    except Exception as exc:  # a valid package that cannot be rendered is a bug: say where
        raise BuildError(f"the generator met {type(exc).__name__}: {exc!r} (this is a bug of "
                         "the generator, please report it with the package)") from exc
    finally:
        mkdocs_log.removeHandler(handler)
        for key, value in zip(("DATA_PACKAGE", "SOURCE_DATE_EPOCH"), previous_env, strict=True):
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


# --- MkDocs hooks (called through build_scripts/mkdocs_hook.py) ---

def package_dir(config: MkDocsConfig) -> Path:
    """The data package folder this build renders."""
    configured = os.environ.get("DATA_PACKAGE") or config.extra.get("data_package", "datapackage")
    path = Path(configured)
    if not path.is_absolute():
        path = Path(config.config_file_path).parent / path
    return path


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is ``mkdocs serve`` (problems are then shown in the browser)."""
    _state["command"] = command


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
            text = format_text(report.problems, name)
            if _state.get("command") == "serve":
                # Live preview: show the problems in the browser instead of failing every
                # rebuild. Links to the pages that cannot be generated are then expected:
                # they are logged as information, not as the warnings strict mode counts.
                for group in (config.validation.nav, config.validation.links):
                    for option in list(group):
                        group[option] = logging.INFO
                _state.pop("package", None)
                _state["files"] = {"index.md": invalid_data_page(text)}
                return config
            raise PluginError("The data package is invalid; no page was generated.\n" + text)
        package = report.package
    releases, broken = load_releases(root)
    if broken:
        raise PluginError("A release snapshot cannot be read; the changelog would be wrong.\n"
                          + format_text(broken, str(package.descriptor.get("name") or root)))
    _state["package"] = package
    try:
        _state["files"] = generate_files(package, releases, config.site_url or "",
                                         str(config.extra.get("repository") or ""))
    except CountError as exc:
        raise PluginError(str(exc)) from exc
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


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Write the data's counts into hand-written pages (``[[count ...]]``); generated
    pages expand their curated parts themselves and hold data, which is never expanded."""
    if page.file.src_uri in _state["files"] or "package" not in _state:
        return markdown  # generated, or no valid package (serve shows the problems instead)
    try:
        return expand_counts(markdown, _state["package"], page.file.src_uri)
    except CountError as exc:
        raise PluginError(str(exc)) from exc


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
