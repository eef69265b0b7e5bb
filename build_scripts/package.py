"""Read a data package from disk: the only module that reads package files.

Cells stay text: typing is Frictionless's job during validation, and the pure modules parse
what they need with :mod:`build_scripts.values`. Reading never raises on bad input; it
records problems instead, so the validator can report everything at once.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_scripts.problems import Problem

DESCRIPTOR = "datapackage.json"

Row = dict[str, str]


@dataclass
class Table:
    """One CSV resource: its schema, its rows as text and the physical line of each row."""

    name: str
    path: str
    schema: dict[str, Any]
    title: str = ""
    header: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    readable: bool = True

    @property
    def field_names(self) -> list[str]:
        """Names of the schema's fields, in schema order."""
        return [f["name"] for f in self.schema.get("fields", [])]

    def row_number(self, index: int) -> int:
        """Frictionless's row number of the data row at ``index`` (the header is row 1)."""
        return self.numbers[index]

    def line_of(self, row_number: int) -> int:
        """The physical line where the row ``row_number`` starts (the row itself if unknown)."""
        try:
            return self.lines[self.numbers.index(row_number)]
        except ValueError:
            return row_number

    @property
    def key(self) -> str | None:
        """The single-field primary key's name, or None for a composite or missing key."""
        key = self.schema.get("primaryKey")
        if isinstance(key, list) and len(key) == 1:
            key = key[0]
        return key if isinstance(key, str) else None

    def field(self, name: str) -> dict[str, Any]:
        """The schema entry of the field ``name`` (empty when absent)."""
        for entry in self.schema.get("fields", []):
            if entry.get("name") == name:
                return dict(entry)
        return {}


@dataclass
class Package:
    """A loaded package: the descriptor, its tables by name, and what went wrong reading it."""

    root: Path
    descriptor: dict[str, Any]
    tables: dict[str, Table]
    problems: list[Problem] = field(default_factory=list)
    intro: str = ""

    def rows(self, name: str) -> list[Row]:
        """Rows of the table ``name``, or an empty list when the package has no such table."""
        table = self.tables.get(name)
        return table.rows if table else []


def _descriptor_problem(message: str, expected: str, value: str | None = None) -> Problem:
    return Problem(DESCRIPTOR, None, None, "package-error", value, message, expected)


def read_descriptor(root: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Read and sanity-check ``datapackage.json``; return it or the problems that stop reading."""
    path = root / DESCRIPTOR
    if not path.is_file():
        return None, [_descriptor_problem(
            f"There is no {DESCRIPTOR} in {root}.",
            "a folder holding datapackage.json and its data/ folder (pass it with --package)")]
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        return None, [_descriptor_problem(
            f"{DESCRIPTOR} is not valid UTF-8 (byte {exc.start}).", "a file saved as UTF-8")]
    except json.JSONDecodeError as exc:
        return None, [Problem(DESCRIPTOR, None, None, "package-error", None,
                              f"{DESCRIPTOR} is not valid JSON: {exc.msg} at line {exc.lineno}, "
                              f"column {exc.colno}.",
                              "valid JSON (check for a missing comma or quote)", exc.lineno)]
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        return None, [_descriptor_problem(
            f"{DESCRIPTOR} has no list of resources.",
            'a JSON object with a "resources" list')]
    problems = []
    for index, resource in enumerate(descriptor["resources"]):
        if not (isinstance(resource, dict) and isinstance(resource.get("name"), str)
                and isinstance(resource.get("path"), str)
                and isinstance(resource.get("schema"), dict)
                and isinstance(resource["schema"].get("fields"), list)):
            problems.append(_descriptor_problem(
                f"Resource number {index + 1} lacks a name, a path or a schema with fields.",
                'each resource like {"name": ..., "path": "data/x.csv", "schema": {"fields": [...]}}'))
    return (None, problems) if problems else (descriptor, [])


def _read_table(root: Path, resource: dict[str, Any]) -> tuple[Table, list[Problem]]:
    table = Table(resource["name"], resource["path"], resource["schema"],
                  str(resource.get("title") or resource["name"]))
    path = root / resource["path"]
    if not path.is_file():
        table.readable = False
        return table, [Problem(table.path, None, None, "missing-file", None,
                               f"The file {table.path} named in {DESCRIPTOR} does not exist.",
                               "the CSV file at that path, or the right path in datapackage.json")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        table.readable = False
        line = raw.count(b"\n", 0, exc.start) + 1
        bad = raw[exc.start:exc.end].hex()
        return table, [Problem(table.path, None, None, "encoding-error", f"0x{bad}",
                               f"Line {line} holds a byte that is not UTF-8 (0x{bad}).",
                               "the file saved as UTF-8 (in a spreadsheet: 'CSV UTF-8')", line)]
    text = text.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        records = []
        starts = []
        line = 1
        for record in reader:
            starts.append(line)
            records.append(record)
            line = reader.line_num + 1
    except csv.Error as exc:
        table.readable = False
        return table, [Problem(table.path, None, None, "source-error", None,
                               f"The file cannot be read as CSV near line {reader.line_num}: {exc}.",
                               "comma-separated values with double quotes around cells that "
                               "hold commas, quotes or line breaks", reader.line_num)]
    if not records:
        table.readable = False
        return table, [Problem(table.path, 1, None, "empty-file", None,
                               f"{table.path} is empty: it has not even a header row.",
                               "a header row: " + ",".join(table.field_names), 1)]
    table.header = records[0]
    for number, (record, start) in enumerate(zip(records, starts, strict=True), start=1):
        if number == 1 or not any(cell.strip() for cell in record):
            continue
        padded = record + [""] * (len(table.header) - len(record))
        table.rows.append(dict(zip(table.header, padded, strict=False)))
        table.numbers.append(number)
        table.lines.append(start)
    return table, []


def load_package(root: Path) -> Package:
    """Read the descriptor and every CSV resource of the package at ``root``.

    Problems met while reading (missing files, bad encodings, unreadable CSV) are recorded on
    the returned package; when the descriptor itself is unusable, the package has no tables.
    """
    descriptor, problems = read_descriptor(root)
    if descriptor is None:
        return Package(root, {}, {}, problems)
    tables: dict[str, Table] = {}
    for resource in descriptor["resources"]:
        table, found = _read_table(root, resource)
        tables[table.name] = table
        problems.extend(found)
    intro, found = _read_intro(root, descriptor)
    problems.extend(found)
    return Package(root, descriptor, tables, problems, intro)


def _read_intro(root: Path, descriptor: dict[str, Any]) -> tuple[str, list[Problem]]:
    """Read the curated home-page introduction named by ``x-intro`` (Markdown), if any."""
    name = descriptor.get("x-intro")
    if not name:
        return str(descriptor.get("description", "")), []
    path = root / str(name)
    try:
        return path.read_text(encoding="utf-8"), []
    except (OSError, UnicodeDecodeError) as exc:
        return "", [Problem(str(name), None, None, "missing-file", None,
                            f"The introduction {name} named by x-intro cannot be read ({exc}).",
                            "a UTF-8 Markdown file at that path, or no x-intro")]


RELEASES = "releases"


def _version_key(version: str) -> tuple[int, ...]:
    parts = []
    for part in version.split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def load_releases(root: Path) -> list[Package]:
    """Snapshots of past releases kept in ``<root>/releases/<version>/``, oldest first.

    A release snapshot is a package of its own (descriptor and CSVs as released); the
    changelog and the tombstones of withdrawn records are computed against them.
    """
    folder = root / RELEASES
    if not folder.is_dir():
        return []
    snapshots = [load_package(path) for path in folder.iterdir()
                 if (path / DESCRIPTOR).is_file()]
    usable = [s for s in snapshots if s.descriptor and not s.problems]
    return sorted(usable, key=lambda p: _version_key(str(p.descriptor.get("version", ""))))
