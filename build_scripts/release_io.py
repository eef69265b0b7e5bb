"""Write a release to disk (the I/O shell around :mod:`build_scripts.release`).

Files are written into a temporary folder and moved into place only when all are ready; the
package's snapshot is kept in ``<package>/releases/<version>/`` for later changelogs.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from build_scripts.package import DESCRIPTOR, RELEASES, Package
from build_scripts.release import package_zip, release_files


class ReleaseError(Exception):
    """The release could not be written; the message says why."""


def write_release(package: Package, out_dir: Path) -> list[str]:
    """Write every release artefact into ``out_dir`` and snapshot the package; return names."""
    files = release_files(package)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    try:
        for name, content in files.items():
            (staging / name).write_bytes(content)
        _snapshot(package)
        if out_dir.exists():
            shutil.rmtree(out_dir)
        staging.rename(out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted(files)


def _snapshot(package: Package) -> None:
    """Keep the released descriptor and CSVs under ``releases/<version>/``.

    Re-releasing the same version with different data is refused: a version names one state.
    """
    import io
    import zipfile

    version = str(package.descriptor.get("version", ""))
    target = package.root / RELEASES / version
    archive = zipfile.ZipFile(io.BytesIO(package_zip(package)))
    prefix = archive.namelist()[0].split("/", 1)[0] + "/"
    wanted = {name[len(prefix):]: archive.read(name) for name in archive.namelist()
              if name[len(prefix):] == DESCRIPTOR or name[len(prefix):].startswith("data/")}
    if target.exists():
        same = all((target / name).is_file() and (target / name).read_bytes() == content
                   for name, content in wanted.items())
        if not same:
            raise ReleaseError(f"Version {version} was already released with different data "
                               f"({target}). Raise the version in datapackage.json first.")
        return
    for name, content in wanted.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
