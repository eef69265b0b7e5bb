"""Build the site atomically: into a temporary folder, swapped in only when all succeeded.

This is the only module that writes the site. A failed build leaves the last good site as
it was.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

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
               validated: Package | None = None) -> None:
    """Build the site for ``package_dir`` into ``site_dir`` with ``mkdocs build --strict``.

    ``validated`` is the package when the caller has just validated it (the hook then skips
    its own validation); without it, the hook validates before generating anything.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
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
    except (MkDocsException, OSError, KeyError, ValueError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildError(f"{exc}\n{log.getvalue()}".strip()) from exc
    except SystemExit as exc:  # mkdocs aborts strict builds with warnings this way
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildError(f"mkdocs stopped: {log.getvalue().strip()}") from exc
    finally:
        mkdocs_log.removeHandler(handler)
        for key, value in zip(("DATA_PACKAGE", "SOURCE_DATE_EPOCH"), previous_env, strict=True):
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    _swap(staging, site_dir)


def _swap(staging: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` with ``staging`` by two renames on the same file system."""
    old = None
    if site_dir.exists():
        old = site_dir.with_name(f".{site_dir.name}-old-{os.getpid()}")
        site_dir.rename(old)
    staging.rename(site_dir)
    staging_mode = 0o755
    with contextlib.suppress(OSError):
        site_dir.chmod(staging_mode)  # mkdtemp creates 0700; a site is meant to be served
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
