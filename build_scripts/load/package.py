"""Read a data package from disk: the only module that reads package files.

Every stage (validate, build, release, diff) consumes the rows read here, once, with one CSV
dialect: UTF-8 (a leading byte-order mark is dropped), comma-separated, double quotes, any
line ending. Frictionless validates these same rows (see
:mod:`build_scripts.validate.frictionless_adapter`), so nothing can pass validation and then be read
differently. Header labels must equal the schema's field names exactly.

Reading never raises on bad input; it records problems instead, so the validator can report
everything at once. Every path the descriptor names is checked by
:mod:`build_scripts.load.safe_paths` before it is opened.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_scripts.load.problems import Problem, visible
from build_scripts.load.safe_paths import (
    SAFE_VERSION,
    PathRefused,
    is_address,
    name_problem,
    read_limited,
    resolve_inside,
)

DESCRIPTOR = "datapackage.json"

# Size limits (bytes) on what the descriptor names: far above the real package (the largest
# CSV is under 1 MB), low enough that /dev/zero-like input cannot exhaust memory.
MAX_DESCRIPTOR = 16 * 1024 * 1024
MAX_TABLE = 256 * 1024 * 1024
MAX_INTRO = 1024 * 1024
# JSON nesting deeper than this is refused before any library walks it recursively; the
# real descriptor is 7 levels deep.
MAX_DEPTH = 64
# Profiles Frictionless knows without fetching anything; any other value would be fetched.
KNOWN_PROFILES = {"data-package", "tabular-data-package", "data-resource",
                  "tabular-data-resource"}
# The one CSV dialect the pipeline reads; a resource may restate it but not change it.
DIALECT = {"delimiter": ",", "quoteChar": "\"", "doubleQuote": True, "header": True,
           "lineTerminator": None, "skipInitialSpace": False, "headerRow": 1}
SAVE_AS = "save it as 'CSV UTF-8 (comma delimited)' from the spreadsheet"

Row = dict[str, str]


@dataclass
class Table:
    """One CSV resource: its schema, its rows as text and the physical line of each row.

    ``records`` are the data records exactly as read (blank ones included), which is what
    Frictionless validates; ``rows`` are the non-blank records keyed by field name.
    """

    name: str
    path: str
    schema: dict[str, Any]
    title: str = ""
    header: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    records: list[list[str]] = field(default_factory=list)
    record_lines: list[int] = field(default_factory=list)
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
        index = row_number - 2  # row 2 is the first data record
        if 0 <= index < len(self.record_lines):
            return self.record_lines[index]
        return row_number

    def row_at(self, row_number: int) -> Row | None:
        """The row with Frictionless's number ``row_number`` (None for a blank or no row)."""
        index = row_number - 2
        if not 0 <= index < len(self.records):
            return None
        record = self.records[index]
        if not any(cell.strip() for cell in record):
            return None
        return dict(zip(self.header, record + [""] * (len(self.header) - len(record)),
                        strict=False))

    @property
    def key(self) -> str | None:
        """The single-field primary key's name, or None for a composite or missing key."""
        key = self.schema.get("primaryKey")
        if isinstance(key, list) and len(key) == 1:
            key = key[0]
        return key if isinstance(key, str) else None

    def references(self) -> list[tuple[str, str, bool]]:
        """``(field, target table, is_list)`` for every reference the schema declares: its
        single-field foreign keys and its ``x-list-reference`` (;-separated id) fields."""
        refs = []
        for fk in self.schema.get("foreignKeys", []):
            if isinstance(fk.get("fields"), str):
                refs.append((fk["fields"], fk["reference"].get("resource") or self.name, False))
        for entry in self.schema.get("fields", []):
            if "x-list-reference" in entry:
                refs.append((entry["name"], entry["x-list-reference"]["resource"], True))
        return refs

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


def _descriptor_problem(message: str, expected: str, value: str | None = None,
                        kind: str = "package-error") -> Problem:
    return Problem(DESCRIPTOR, None, None, kind, value, message, expected)


def _depth(value: Any) -> int:
    """Nesting depth of a JSON value, without recursion (so no depth can crash it)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if level > MAX_DEPTH:
            break
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest


def _parse_descriptor(root: Path) -> tuple[Any, list[Problem]]:
    try:
        file = resolve_inside(root, DESCRIPTOR, "descriptor", MAX_DESCRIPTOR)
        raw = read_limited(file, MAX_DESCRIPTOR)
    except PathRefused as exc:
        if not (root / DESCRIPTOR).exists() and not (root / DESCRIPTOR).is_symlink():
            return None, [_descriptor_problem(
                f"There is no {DESCRIPTOR} in {root}.",
                "a folder holding datapackage.json and its data/ folder (pass it with --package)")]
        return None, [_descriptor_problem(str(exc), "datapackage.json as a regular file "
                                          "inside the package folder", kind="unsafe-path")]
    try:
        return json.loads(raw.decode("utf-8")), []
    except UnicodeDecodeError as exc:
        return None, [_descriptor_problem(
            f"{DESCRIPTOR} is not valid UTF-8 (byte {exc.start}).", "a file saved as UTF-8")]
    except json.JSONDecodeError as exc:
        return None, [Problem(DESCRIPTOR, None, None, "package-error", None,
                              f"{DESCRIPTOR} is not valid JSON: {exc.msg} at line {exc.lineno}, "
                              f"column {exc.colno}.",
                              "valid JSON (check for a missing comma or quote)", exc.lineno)]
    except RecursionError:
        return None, [_descriptor_problem(
            f"{DESCRIPTOR} is nested too deeply to read.",
            f"a descriptor nested at most {MAX_DEPTH} levels deep")]


def _profile_problems(where: str, entry: dict[str, Any]) -> list[Problem]:
    problems = []
    for key in ("profile", "$schema"):
        value = entry.get(key)
        if value is not None and (not isinstance(value, str) or value not in KNOWN_PROFILES):
            problems.append(_descriptor_problem(
                f"The {key} '{value}' of {where} is not a standard profile"
                + (" but an address; validation never goes on the network."
                   if isinstance(value, str) and is_address(value) else "."),
                "one of " + ", ".join(sorted(KNOWN_PROFILES)) + ", or no profile",
                str(value), "remote-reference"))
    return problems


def _dialect_problems(where: str, dialect: Any) -> list[Problem]:
    if dialect is None:
        return []
    if not isinstance(dialect, dict):
        address = isinstance(dialect, str) and is_address(dialect)
        return [_descriptor_problem(
            f"The dialect of {where} is given as "
            + ("an address; validation never goes on the network." if address
               else "a file name; the dialect is read only from datapackage.json."),
            "no dialect (the CSV files are comma-separated UTF-8)", str(dialect),
            "remote-reference" if address else "unsupported-dialect")]
    changed = {k: v for k, v in dialect.items() if k in DIALECT and v != DIALECT[k]}
    unknown = sorted(set(dialect) - set(DIALECT) - {"$schema", "csv"})
    if changed or unknown:
        return [_descriptor_problem(
            f"The dialect of {where} changes "
            + ", ".join(sorted(changed) + unknown)
            + "; this pipeline reads every CSV one way, so the settings would be ignored.",
            f"no dialect, and each CSV file comma-separated ({SAVE_AS})",
            json.dumps(dialect, ensure_ascii=False), "unsupported-dialect")]
    return []


def _resource_problems(index: int, resource: Any, seen: set[str]) -> list[Problem]:
    if not (isinstance(resource, dict) and isinstance(resource.get("name"), str)
            and isinstance(resource.get("path"), str)
            and isinstance(resource.get("schema"), dict)
            and isinstance(resource["schema"].get("fields"), list)):
        if isinstance(resource, dict) and isinstance(resource.get("schema"), str):
            return [_descriptor_problem(
                f"Resource number {index + 1} names its schema by a file or address "
                f"('{resource['schema']}'); the schema is read only from datapackage.json.",
                "the schema written inside the resource", resource["schema"],
                "remote-reference")]
        return [_descriptor_problem(
            f"Resource number {index + 1} lacks a name, a path or a schema with fields.",
            'each resource like {"name": ..., "path": "data/x.csv", "schema": {"fields": [...]}}')]
    name = resource["name"]
    where = f"resource '{name}'"
    problems = []
    reason = name_problem(name, "resource name")
    if reason:
        problems.append(_descriptor_problem(reason, "a name such as incidents", name,
                                            "unsafe-name"))
    if name in seen:
        problems.append(_descriptor_problem(
            f"Two resources are named '{name}' (Frictionless: names of the resources are not "
            "unique).", "a different name for each resource", name))
    seen.add(name)
    path = resource["path"]
    if is_address(path):
        problems.append(_descriptor_problem(
            f"The path of {where} is an address ('{path}'); validation never goes on the "
            "network.", "a file inside the package, such as data/incidents.csv", path,
            "remote-reference"))
    problems += _profile_problems(where, resource)
    problems += _dialect_problems(where, resource.get("dialect"))
    encoding = resource.get("encoding")
    if encoding is not None and str(encoding).lower().replace("_", "-") not in ("utf-8",
                                                                                "utf8"):
        problems.append(_descriptor_problem(
            f"The encoding of {where} is '{encoding}'; every file is read as UTF-8.",
            "encoding utf-8 (or no encoding)", str(encoding), "unsupported-dialect"))
    names = []
    for position, entry in enumerate(resource["schema"]["fields"], start=1):
        field_name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(field_name, str) or not field_name:
            problems.append(_descriptor_problem(
                f"Field number {position} of {where} has no name.",
                'each field like {"name": "date", "type": "date"}'))
        elif field_name in names:
            problems.append(_descriptor_problem(
                f"{where.capitalize()} has two fields named '{field_name}'.",
                "a different name for each field", field_name))
        else:
            names.append(field_name)
    return problems


def read_descriptor(root: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Read and sanity-check ``datapackage.json``; return it or the problems that stop reading.

    Besides its shape, the descriptor is checked for what would let it reach outside the
    package: names used as file names, addresses where files are expected, non-standard
    profiles and dialects (which Frictionless would fetch or apply differently).
    """
    descriptor, problems = _parse_descriptor(root)
    if problems:
        return None, problems
    if _depth(descriptor) > MAX_DEPTH:
        return None, [_descriptor_problem(
            f"{DESCRIPTOR} is nested more than {MAX_DEPTH} levels deep.",
            "a descriptor shaped like the Data Package standard's examples")]
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        return None, [_descriptor_problem(
            f"{DESCRIPTOR} has no list of resources.",
            'a JSON object with a "resources" list')]
    if "name" in descriptor:
        reason = name_problem(descriptor["name"], "package name")
        if reason:
            problems.append(_descriptor_problem(reason, "a name such as my-record",
                                                str(descriptor["name"]), "unsafe-name"))
    if "version" in descriptor:
        reason = name_problem(descriptor["version"], "version", SAFE_VERSION)
        if reason:
            problems.append(_descriptor_problem(reason, "a version such as 1.2.0",
                                                str(descriptor["version"]), "unsafe-name"))
    problems += _profile_problems("the package", descriptor)
    seen: set[str] = set()
    for index, resource in enumerate(descriptor["resources"]):
        problems += _resource_problems(index, resource, seen)
    intro = descriptor.get("x-intro")
    if intro is not None and not isinstance(intro, str):
        problems.append(_descriptor_problem("x-intro must be a path such as intro.md.",
                                            "a path relative to the package folder"))
    return (None, problems) if problems else (descriptor, [])


def _records(text: str) -> tuple[list[list[str]], list[int]]:
    """Parse CSV text in the pipeline's one dialect; return records and their first lines."""
    # strict: a stray quote ("a"b) is an error, not a cell silently cut in two. The field
    # limit is stated, not inherited: Frictionless raises the process-wide limit when it runs,
    # which would make this reader accept in one run what it refused in another.
    csv.field_size_limit(MAX_TABLE)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=",", quotechar='"',
                        doublequote=True, skipinitialspace=False, strict=True)
    records, starts, line = [], [], 1
    for record in reader:
        starts.append(line)
        records.append(record)
        line = reader.line_num + 1
    return records, starts


def _label_problem(table: Table, position: int, label: str | None,
                   expected: str | None) -> Problem:
    header = ",".join(table.field_names)
    if label is None:
        message = f"The header has no column '{expected}' (column {position})."
        kind, value = "missing-label", ""
    elif expected is None:
        message = f"The header has a column '{visible(label)}' that the schema does not know."
        kind, value = "extra-label", label
    else:
        if label.strip() == expected:
            why = "has spaces around it"
        elif label.casefold() == expected.casefold():
            why = "differs in upper and lower case"
        elif visible(label) != label:
            why = "holds invisible characters"
        else:
            why = "is not the schema's field name"
        message = (f"The heading of column {position}, '{visible(label)}', {why}: it must "
                   f"read exactly '{expected}'.")
        kind, value = "incorrect-label", label
    return Problem(table.path, 1, expected or label, kind, value, message,
                   f"the header {header}", 1)


def _header_problems(table: Table) -> list[Problem]:
    """Problems with the header row: each label must equal the schema's name at its place."""
    expected = table.field_names
    if (len(table.header) == 1 and len(expected) > 1
            and any(sep in table.header[0] for sep in (";", "\t"))):
        sep = "';'" if ";" in table.header[0] else "a tab"
        return [Problem(table.path, 1, None, "wrong-delimiter", visible(table.header[0][:80]),
                        f"The file separates its cells with {sep}, not with commas.",
                        f"comma-separated values: {SAVE_AS}", 1)]
    problems = []
    for position in range(max(len(expected), len(table.header))):
        label = table.header[position] if position < len(table.header) else None
        name = expected[position] if position < len(expected) else None
        if label != name:
            problems.append(_label_problem(table, position + 1, label, name))
    return problems


def _read_table(root: Path, resource: dict[str, Any]) -> tuple[Table, list[Problem]]:
    table = Table(resource["name"], resource["path"], resource["schema"],
                  str(resource.get("title") or resource["name"]))
    try:
        raw = read_limited(resolve_inside(root, table.path, "file", MAX_TABLE), MAX_TABLE)
    except PathRefused as exc:
        table.readable = False
        missing = "does not exist" in str(exc)
        return table, [Problem(table.path, None, None,
                               "missing-file" if missing else "unsafe-path", None,
                               f"{exc} It is named in {DESCRIPTOR}.",
                               "the CSV file at that path inside the package, or the right "
                               "path in datapackage.json")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        table.readable = False
        line = raw.count(b"\n", 0, exc.start) + 1
        bad = raw[exc.start:exc.end].hex()
        return table, [Problem(table.path, None, None, "encoding-error", f"0x{bad}",
                               f"Line {line} holds a byte that is not UTF-8 (0x{bad}).",
                               "the file saved as UTF-8 (in a spreadsheet: 'CSV UTF-8')", line)]
    try:
        records, starts = _records(text.removeprefix("\ufeff"))
    except csv.Error as exc:
        table.readable = False
        return table, [Problem(table.path, None, None, "source-error", None,
                               f"The file cannot be read as CSV: {exc}.",
                               "comma-separated values with double quotes around cells that "
                               "hold commas, quotes or line breaks")]
    if not records:
        table.readable = False
        return table, [Problem(table.path, 1, None, "empty-file", None,
                               f"{table.path} is empty: it has not even a header row.",
                               "a header row: " + ",".join(table.field_names), 1)]
    table.header = records[0]
    table.records, table.record_lines = records[1:], starts[1:]
    problems = _header_problems(table)
    if problems:
        # Cells cannot be matched to fields; the header is the one problem to fix first.
        table.readable = False
        return table, problems
    width = len(table.header)
    for number, record in enumerate(table.records, start=2):
        if not any(cell.strip() for cell in record):
            continue  # Frictionless reports the blank row; it holds no data to pass on
        table.rows.append(dict(zip(table.header, record + [""] * (width - len(record)),
                                   strict=False)))
        table.numbers.append(number)
    return table, []


def load_package(root: Path) -> Package:
    """Read the descriptor and every CSV resource of the package at ``root``.

    Problems met while reading (unsafe paths, missing files, bad encodings, unreadable CSV,
    headers that differ from the schema) are recorded on the returned package; when the
    descriptor itself is unusable, the package has no tables.
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
    try:
        return read_limited(resolve_inside(root, name, "introduction (x-intro)", MAX_INTRO),
                            MAX_INTRO).decode("utf-8"), []
    except PathRefused as exc:
        return "", [Problem(DESCRIPTOR, None, "x-intro", "unsafe-path", str(name), str(exc),
                            "a UTF-8 Markdown file inside the package folder, or no x-intro")]
    except UnicodeDecodeError:
        return "", [Problem(str(name), None, None, "encoding-error", None,
                            f"The introduction {name} is not valid UTF-8.",
                            "the file saved as UTF-8")]


RELEASES = "releases"


def _version_key(version: str) -> tuple[int, ...]:
    parts = []
    for part in version.split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def load_releases(root: Path) -> tuple[list[Package], list[Problem]]:
    """Snapshots of past releases kept in ``<root>/releases/<version>/``, oldest first.

    A release snapshot is a package of its own (everything its descriptor names, as
    released); the changelog and the tombstones of withdrawn records are computed against
    them. A snapshot that does not load, or whose folder is not its version, is a problem:
    a changelog computed without it would be wrong.
    """
    folder = root / RELEASES
    if not folder.is_dir():
        return [], []
    snapshots, problems = [], []
    for path in sorted(folder.iterdir()):
        if not path.is_dir() or path.name.startswith("."):
            continue
        where = f"{RELEASES}/{path.name}"
        snapshot = load_package(path)
        for found in snapshot.problems:
            problems.append(Problem(
                f"{where}/{found.file}", found.row, found.field, "snapshot-error", found.value,
                f"The snapshot of release {path.name} cannot be read: {found.message}",
                "the snapshot as the release command wrote it: restore it from the release "
                "commit or the release zip", found.line))
        version = str(snapshot.descriptor.get("version", "")) if snapshot.descriptor else ""
        if snapshot.descriptor and version != path.name:
            problems.append(Problem(
                f"{where}/{DESCRIPTOR}", None, "version", "snapshot-error", version,
                f"The snapshot in {where} says it is version '{version}'.",
                f"a snapshot folder named after its version ({RELEASES}/{version})"))
        elif snapshot.descriptor and not snapshot.problems:
            snapshots.append(snapshot)
    return sorted(snapshots, key=lambda p: _version_key(str(p.descriptor.get("version", "")))), \
        problems
