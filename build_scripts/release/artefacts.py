"""The data release: reproducible zip, per-table CSV/JSON/SQLite, checksums (pure: bytes out).

Every artefact is a function of the package alone: the same package gives the same bytes.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sqlite3
import zipfile
from pathlib import PurePosixPath
from typing import Any

from build_scripts.load.package import DESCRIPTOR, Package
from build_scripts.load.typed import SQL_TYPES, sorted_rows, typed_rows
from build_scripts.release.citation import author_names, release_name
from build_scripts.render.jinja import render

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold: fixed, so stable


def table_csv(package: Package, name: str) -> str:
    """A table as CSV: UTF-8, schema column order, rows sorted by primary key, ``\\n`` line
    endings, quotes only where needed (the same dialect as the package's own files)."""
    table = package.tables[name]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.field_names)
    for row in sorted_rows(table):
        writer.writerow([row.get(field, "") for field in table.field_names])
    return out.getvalue()


def table_json(package: Package, name: str) -> str:
    """A table as a JSON array of typed records (empty cells are null)."""
    return json.dumps(typed_rows(package.tables[name]), ensure_ascii=False, indent=1) + "\n"


def sql_identifier(name: str) -> str:
    """Quote a name from the descriptor as an SQL identifier (``"`` doubled inside)."""
    return '"' + name.replace('"', '""') + '"'


def sqlite_bytes(package: Package) -> bytes:
    """One SQLite database: a table per resource with its primary and foreign keys."""
    q = sql_identifier
    db = sqlite3.connect(":memory:")
    try:
        # Rows go in with enforcement off (a table may point at rows inserted later, or at
        # itself); the check after the inserts must then find no broken reference.
        db.execute("PRAGMA foreign_keys = OFF")
        for table in _dependency_order(package):
            fields = table.schema["fields"]
            columns = [f'{q(f["name"])} {SQL_TYPES.get(f.get("type", ""), "TEXT")}'
                       + (" NOT NULL" if f.get("constraints", {}).get("required") else "")
                       for f in fields]
            key = table.schema.get("primaryKey")
            if key:
                names = [key] if isinstance(key, str) else key
                columns.append("PRIMARY KEY (" + ", ".join(q(n) for n in names) + ")")
            for fk in table.schema.get("foreignKeys", []):
                target = fk["reference"]["resource"] or table.name
                columns.append(f'FOREIGN KEY ({q(fk["fields"])}) REFERENCES {q(target)} '
                               f'({q(fk["reference"]["fields"])})')
            db.execute(f"CREATE TABLE {q(table.name)} (" + ", ".join(columns) + ")")
            placeholders = ", ".join("?" for _ in fields)
            rows = [tuple(r.values()) for r in typed_rows(table)]
            db.executemany(f"INSERT INTO {q(table.name)} VALUES ({placeholders})", rows)
        db.commit()
        broken = db.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise ValueError(f"SQLite export has broken foreign keys: {broken[:5]}")
        return db.serialize()
    finally:
        db.close()


def _dependency_order(package: Package) -> list[Any]:
    """Tables ordered so that referenced tables come first (self-references allowed)."""
    ordered: list[str] = []
    pending = dict(package.tables)

    def visit(name: str, trail: tuple[str, ...]) -> None:
        if name in ordered or name in trail or name not in pending:
            return
        for fk in pending[name].schema.get("foreignKeys", []):
            visit(fk["reference"]["resource"] or name, (*trail, name))
        ordered.append(name)

    for name in sorted(pending):
        visit(name, ())
    return [package.tables[name] for name in ordered]


def citation_cff(package: Package) -> str:
    """CITATION.cff for the dataset, from the descriptor."""
    return render("CITATION.cff.j2", d=package.descriptor, authors=author_names(package))


def readme_text(package: Package) -> str:
    """README.md of the release: what the data is, its tables, how to cite and load it."""
    tables = [(t.name, t.title, len(t.rows)) for t in package.tables.values()]
    return render("release_README.md.j2", d=package.descriptor, tables=tables,
                  name=release_name(package), authors=author_names(package))


def licence_text(package: Package) -> str:
    """LICENSE of the release: the licence's name and where its legal code is."""
    return render("release_LICENSE.j2", licences=package.descriptor.get("licenses", []),
                  title=package.descriptor.get("title", ""))


def package_files(package: Package) -> dict[str, str]:
    """Everything the descriptor names, by path: the descriptor itself, every table as
    released (sorted CSV) and the introduction (``x-intro``). A release snapshot holds
    exactly these files, so it loads back as a package of its own."""
    files = {DESCRIPTOR: json.dumps(package.descriptor, ensure_ascii=False, indent=2) + "\n"}
    for name, table in package.tables.items():
        files[table.path] = table_csv(package, name)
    intro = package.descriptor.get("x-intro")
    if intro:
        files[str(intro)] = package.intro
    return files


def package_zip(package: Package) -> bytes:
    """The descriptor, every CSV (sorted), README, LICENSE and CITATION.cff in one zip with
    fixed timestamps, permissions and order: the same package gives the same bytes."""
    files = {**package_files(package), "README.md": readme_text(package),
             "LICENSE": licence_text(package), "CITATION.cff": citation_cff(package)}
    root = release_name(package)
    for path in files:
        # Paths come from the checked descriptor; refuse anything a zip reader could place
        # outside the folder it extracts to (zip slip), whatever slipped past.
        parts = PurePosixPath(f"{root}/{path}").parts
        if path.startswith("/") or "\\" in path or ".." in parts or parts[0] != root:
            raise ValueError(f"'{path}' cannot be a file of the release zip")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(files):
            info = zipfile.ZipInfo(f"{root}/{path}", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, so the permissions above are read the same everywhere
            archive.writestr(info, files[path])
    return buffer.getvalue()


def release_files(package: Package) -> dict[str, bytes]:
    """Every release artefact by file name, plus SHA256SUMS over all of them."""
    stem = release_name(package)
    files: dict[str, bytes] = {f"{stem}.zip": package_zip(package),
                               f"{stem}.sqlite": sqlite_bytes(package)}
    for name in package.tables:
        files[f"{name}.csv"] = table_csv(package, name).encode("utf-8")
        files[f"{name}.json"] = table_json(package, name).encode("utf-8")
    sums = "".join(f"{hashlib.sha256(files[n]).hexdigest()}  {n}\n" for n in sorted(files))
    files["SHA256SUMS"] = sums.encode("utf-8")
    return dict(sorted(files.items()))
