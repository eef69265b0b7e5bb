"""Build the site atomically: into a staging folder, swapped in only when all succeeded.

This is the only module that writes the site. A failed or killed build leaves the last good
site as it was; the output folder must be one this command owns (see
:mod:`build_scripts.outputs`).
"""

from __future__ import annotations

import io
import logging
import os
import shutil
from pathlib import Path
from typing import Any

from build_scripts.outputs import (
    OutputError,
    check_output_dir,
    mark,
    new_staging,
    output_lock,
    protected_folders,
    publish,
    remove_stale_staging,
)
from build_scripts.package import Package, read_descriptor


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


def build_site(package_dir: Path, site_dir: Path, config_file: Path,
               validated: Package | None = None, force: bool = False) -> None:
    """Build the site for ``package_dir`` into ``site_dir`` with ``mkdocs build --strict``.

    ``site_dir`` must be a folder this command made (or a new or empty one; ``force``
    replaces any other folder); see :mod:`build_scripts.outputs`. The site is built in a
    staging folder and swapped in only when everything succeeded, so a failed or killed
    build leaves the last good site in place. ``validated`` is the package when the caller
    has just validated it (the hook then skips its own validation); without it, the hook
    validates before generating anything.
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


def _mkdocs_build(package_dir: Path, staging: Path, config_file: Path,
                  validated: Package | None) -> None:
    """Run ``mkdocs build --strict`` into ``staging``; raise :class:`BuildError` on failure."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    previous_env = os.environ.get("DATA_PACKAGE"), os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["DATA_PACKAGE"] = str(package_dir.resolve())
    # Only the descriptor is needed here: read it alone rather than the whole package again.
    descriptor = validated.descriptor if validated else (read_descriptor(package_dir)[0] or {})
    os.environ["SOURCE_DATE_EPOCH"] = _epoch(descriptor)
    log = io.StringIO()
    handler = logging.StreamHandler(log)
    handler.setLevel(logging.WARNING)
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    try:
        config = load_config(str(config_file), site_dir=str(staging), strict=True)
        if validated is not None:
            from build_scripts.mkdocs_hooks import use_validated

            use_validated(validated)
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
