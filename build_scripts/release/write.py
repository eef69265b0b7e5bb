"""Write a release to disk (the I/O shell around :mod:`build_scripts.release.artefacts`).

Files are written into a staging folder and swapped into place only when all are ready; the
output folder must be one this command owns (see :mod:`build_scripts.write.outputs`). The
package's snapshot is kept in ``<package>/releases/<version>/`` for later changelogs.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from build_scripts.load.package import RELEASES, Package
from build_scripts.release.artefacts import package_files, release_files
from build_scripts.write.outputs import (
    OutputError,
    check_output_dir,
    new_staging,
    output_lock,
    protected_folders,
    publish,
    remove_stale_staging,
)


class ReleaseError(Exception):
    """The release could not be written; the message says why."""


def write_release(package: Package, out_dir: Path, force: bool = False) -> list[str]:
    """Write every release artefact into ``out_dir`` and snapshot the package; return names.

    ``out_dir`` must be new, empty or a folder a previous release made (``force`` replaces
    any other folder); the files are written to a staging folder and swapped in whole.
    """
    files = release_files(package)
    protected, inside = protected_folders(Path.cwd(), package.root)
    try:
        target = check_output_dir(out_dir, "release", protected, inside, force)
        with output_lock(target):
            remove_stale_staging(target, "release")
            staging = new_staging(target, "release")
            try:
                for name, content in files.items():
                    _write_inside(staging, name, content)
                _snapshot(package)
                publish(staging, target, "release")
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except OutputError as exc:
        raise ReleaseError(str(exc)) from exc
    return sorted(files)


def _write_inside(folder: Path, name: str, content: bytes) -> None:
    """Write one file directly inside ``folder``; a name that is not a plain file name is
    refused (names come from the descriptor, which is checked, but this is the last gate)."""
    if not name or name != Path(name).name or name in (".", "..") or name.startswith("."):
        raise ReleaseError(f"'{name}' is not a plain file name; nothing was written.")
    path = folder / name
    with open(path, "xb") as handle:  # x: never overwrite
        handle.write(content)


def _snapshot(package: Package) -> None:
    """Keep everything the descriptor names under ``releases/<version>/``, as released.

    The snapshot is written beside its final place and renamed into it whole. Re-releasing
    the same version with different data is refused: a version names one state.
    """
    version = str(package.descriptor.get("version", ""))
    folder = package.root / RELEASES
    target = folder / version
    wanted = {name: text.encode("utf-8") for name, text in package_files(package).items()}
    if target.exists():
        same = all((target / name).is_file() and (target / name).read_bytes() == content
                   for name, content in wanted.items())
        if not same:
            raise ReleaseError(f"Version {version} was already released with different data "
                               f"({target}). Raise the version in datapackage.json first.")
        return
    folder.mkdir(exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{version}-", dir=folder))
    try:
        for name, content in wanted.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "xb") as handle:
                handle.write(content)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
