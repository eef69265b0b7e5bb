"""Containment of what a descriptor names: paths that stay inside the package, safe names.

A descriptor is written by contributors and may be hostile. Every path it names must be a
relative POSIX path without ``..``, resolve (symlinks followed) inside the package folder, be
a regular file (no device, FIFO or socket) and stay under a size limit; an address (``http:``,
``file:``, ``//host``) is refused before anything could open a socket. Names that become file
names (the package's name and version, resource names) use a small safe alphabet.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# A URL scheme ("http:", "file:", "C:" on Windows) or a network path ("//host/x").
_ADDRESS = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//)")
# Names used as file or folder names: lower-case letters, digits, dot, underscore, hyphen.
SAFE_NAME = re.compile(r"^[a-z0-9._-]+$")
# A version may also hold upper-case letters and "+" (semantic-versioning build metadata).
SAFE_VERSION = re.compile(r"^[A-Za-z0-9._+-]+$")


class PathRefused(Exception):
    """A path named by the descriptor cannot be read safely; the message says why."""


def is_address(value: str) -> bool:
    """True when ``value`` is an address (URL, ``file:``, network path) rather than a path."""
    return bool(_ADDRESS.match(value.strip()))


def name_problem(value: object, what: str, pattern: re.Pattern[str] = SAFE_NAME) -> str | None:
    """Why ``value`` cannot serve as a file name, or None when it can."""
    if not isinstance(value, str) or not value:
        return f"The {what} must be a non-empty text."
    if ".." in value or value.startswith(".") or not pattern.match(value):
        allowed = ("lower-case letters, digits, '.', '_' and '-'" if pattern is SAFE_NAME
                   else "letters, digits, '.', '_', '+' and '-'")
        return (f"The {what} '{value}' cannot be used as a file name: use only {allowed}, "
                "not starting with '.' and without '..'.")
    return None


@dataclass(frozen=True)
class SafeFile:
    """A file named by the descriptor, checked to be a regular file inside the package."""

    relative: str
    path: Path
    size: int


def resolve_inside(root: Path, relative: object, what: str, limit: int) -> SafeFile:
    """Check the path ``relative`` named by the descriptor and return where it really is.

    Raises :class:`PathRefused` (message in plain words) for an address, an absolute path, a
    ``..`` part, a symlink leading out of ``root``, a missing file, anything but a regular
    file, or a file larger than ``limit`` bytes. Nothing is opened here.
    """
    if not isinstance(relative, str) or not relative.strip():
        raise PathRefused(f"The {what} must be a path such as data/table.csv.")
    if is_address(relative):
        raise PathRefused(f"The {what} '{relative}' is an address, not a file of the package: "
                          "validation never goes on the network. Save the file inside the "
                          "package folder and name it by its relative path.")
    pure = PurePosixPath(relative)
    if pure.is_absolute() or "\\" in relative or ".." in pure.parts:
        raise PathRefused(f"The {what} '{relative}' leaves the package folder: use a path "
                          "relative to the folder holding datapackage.json, without '..'.")
    base = root.resolve()
    real = (base / pure).resolve()
    if not real.is_relative_to(base):
        raise PathRefused(f"The {what} '{relative}' is a link to a file outside the package "
                          f"folder ({real}); copy the file into the package instead.")
    try:
        info = os.stat(real)
    except FileNotFoundError as exc:
        raise PathRefused(f"The {what} '{relative}' does not exist.") from exc
    except OSError as exc:
        raise PathRefused(f"The {what} '{relative}' cannot be read: {exc.strerror}.") from exc
    if not stat.S_ISREG(info.st_mode):
        raise PathRefused(f"The {what} '{relative}' is not a regular file (a folder, device, "
                          "pipe or socket cannot be read as data).")
    if info.st_size > limit:
        raise PathRefused(f"The {what} '{relative}' holds {info.st_size:,} bytes, more than "
                          f"the {limit:,} this command reads.")
    return SafeFile(relative, real, info.st_size)


def read_limited(file: SafeFile, limit: int) -> bytes:
    """Read a checked file, refusing it if it grew past ``limit`` since it was checked."""
    # O_NONBLOCK: if the file was swapped for a pipe since the check, opening cannot hang;
    # O_NOFOLLOW: nor can it have become a link. The descriptor is checked again below.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(file.path, flags)
    except OSError as exc:
        raise PathRefused(f"'{file.relative}' cannot be read: {exc.strerror}.") from exc
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise PathRefused(f"'{file.relative}' is not a regular file.")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise PathRefused(f"'{file.relative}' holds more than the {limit:,} bytes this "
                          "command reads.")
    return data
