"""Output folders the commands own: refuse what they did not create, swap atomically.

``build`` and ``release`` write into a folder given on the command line. A typo there must not
delete a repository, so before anything is written:

- the folder may not be a protected folder (the repository, the package, ``docs/``, the home
  folder) nor an ancestor of one, nor lie inside the package or ``docs/``;
- it may not be a file, a symbolic link or a mount point;
- if it exists and is not empty, it must carry the marker file this module writes into every
  folder it creates (``--force`` lifts this last rule only).

The new content is assembled in a staging folder beside the target, then exchanged with the
old one in a single ``renameat2(RENAME_EXCHANGE)`` call, so a reader (or a kill) never finds
the target missing. A lock file serialises builds of the same target; staging folders left by
a killed build are removed by the next one, which alone can hold the lock.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

MARKER = ".build-scripts-output"


class OutputError(Exception):
    """An output folder cannot be used or replaced; the message says why and what to do."""


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def protected_folders(project: Path, package_dir: Path,
                      docs_dir: Path | None = None) -> tuple[dict[str, Path], dict[str, Path]]:
    """Folders no output may replace or contain, and folders no output may lie inside.

    ``project`` is the repository (the folder of ``mkdocs.yml``, or the current folder).
    """
    docs = docs_dir or project / "docs"
    protected = {"repository": project, "current folder": Path.cwd(),
                 "data package": package_dir, "docs folder": docs, "home folder": Path.home()}
    inside = {"data package": package_dir, "docs folder": docs,
              "repository's .git folder": project / ".git"}
    return protected, inside


def check_output_dir(target: Path, kind: str, protected: dict[str, Path],
                     inside_forbidden: dict[str, Path], force: bool = False) -> Path:
    """Return the absolute target folder, or raise :class:`OutputError` if it is not ours.

    ``protected`` folders (by a name for the message) may be neither the target nor inside
    it; ``inside_forbidden`` folders may not contain it either. ``kind`` names the command
    ("site", "release") and is written in the marker.
    """
    absolute = Path(os.path.abspath(target))
    if target.is_symlink():
        raise OutputError(f"{target} is a symbolic link; give the real folder instead.")
    real = absolute.resolve()
    if real == Path(real.anchor):
        raise OutputError(f"{target} is the root of the file system.")
    for name, folder in protected.items():
        folder = folder.resolve()
        if _is_within(folder, real):
            what = "is" if folder == real else "contains"
            raise OutputError(f"{target} {what} the {name} ({folder}); it would be replaced. "
                              "Choose a new folder of its own, such as site/ or dist/.")
    for name, folder in inside_forbidden.items():
        folder = folder.resolve()
        if _is_within(real, folder):
            raise OutputError(f"{target} lies inside the {name} ({folder}); choose a folder "
                              "outside it.")
    if real.exists() and not real.is_dir():
        raise OutputError(f"{target} is a file, not a folder; choose a folder.")
    if real.is_dir():
        if os.path.ismount(real):
            raise OutputError(f"{target} is a mount point and cannot be swapped; choose a "
                              "folder inside it.")
        if any(real.iterdir()) and not _owned(real, kind) and not force:
            raise OutputError(
                f"{target} is not empty and was not made by this command (it has no "
                f"{MARKER} file), so it is left as it is. Choose a new or empty folder, or "
                "add --force to replace it and everything in it.")
    return real


def _owned(folder: Path, kind: str) -> bool:
    marker = folder / MARKER
    try:
        return marker.is_file() and not marker.is_symlink() and (
            marker.read_text(encoding="utf-8").strip() == kind)
    except (OSError, UnicodeDecodeError):
        return False


@contextlib.contextmanager
def output_lock(target: Path) -> Iterator[None]:
    """Hold the lock of ``target`` (a file beside it) or raise when another build has it."""
    lock = target.with_name(f".{target.name}.lock")
    try:
        handle = open(lock, "a", encoding="utf-8")  # noqa: SIM115 - held for the whole block
    except OSError as exc:
        raise OutputError(f"Cannot create the lock file {lock}: {exc.strerror}.") from exc
    with handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            raise OutputError(f"Another command is writing {target} right now; run this one "
                              "again when it has finished.") from exc
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _staging_prefix(target: Path) -> str:
    return f".{target.name}.staging-"


def remove_stale_staging(target: Path, kind: str) -> list[Path]:
    """Remove staging folders of ``target`` left by killed runs (call with the lock held)."""
    removed = []
    for path in sorted(target.parent.glob(_staging_prefix(target) + "*")):
        if path.is_dir() and not path.is_symlink() and _owned(path, kind):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def new_staging(target: Path, kind: str) -> Path:
    """Create an empty staging folder beside ``target``, marked as ours."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f"{_staging_prefix(target)}{os.getpid()}-{secrets.token_hex(4)}")
    staging.mkdir(mode=0o755)
    mark(staging, kind)
    return staging


def mark(folder: Path, kind: str) -> None:
    """Write the marker that says this command made ``folder``."""
    (folder / MARKER).write_text(f"{kind}\n", encoding="utf-8")


_RENAME_EXCHANGE = 2  # from <linux/fs.h>
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second),
                       _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def publish(staging: Path, target: Path, kind: str) -> None:
    """Put ``staging`` in place of ``target`` (call with the lock held), then delete the old.

    With an existing target the two are exchanged in one system call; where the system lacks
    that call, the old folder is renamed aside first (a moment without a target).
    """
    try:
        staging.chmod(0o755)
        if not target.exists():
            staging.rename(target)
            return
        if not _exchange(staging, target):
            aside = staging.with_name(staging.name + "-old")
            target.rename(aside)
            staging.rename(target)
            staging = aside
    except OSError as exc:
        raise OutputError(f"Cannot put the new {kind} in place at {target}: "
                          f"{exc.strerror or exc}. The previous {kind} is untouched.") from exc
    mark(staging, kind)  # the old content now sits at the staging path: ours to delete
    shutil.rmtree(staging, ignore_errors=True)
