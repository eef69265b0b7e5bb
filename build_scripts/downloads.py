"""Downloads: each table as CSV and the whole package as one reproducible zip."""

from __future__ import annotations

import csv
import io
import json
import zipfile

from build_scripts.package import DESCRIPTOR, Package

# Zip entries get this fixed timestamp so the same package gives the same bytes.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def table_csv(package: Package, name: str) -> str:
    """The table ``name`` as CSV text: UTF-8, schema column order, ``\\n`` line endings,
    minimal quoting, rows in file order (ids are stable; the file order is the curated one)."""
    table = package.tables[name]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.field_names)
    for row in table.rows:
        writer.writerow([row.get(field, "") for field in table.field_names])
    return out.getvalue()


def zip_name(package: Package) -> str:
    """File name of the package zip: ``<name>-<version>.zip``."""
    name = package.descriptor.get("name", "package")
    version = package.descriptor.get("version", "0")
    return f"{name}-{version}.zip"


def package_zip(package: Package, extra: dict[str, str] | None = None) -> bytes:
    """The descriptor, every CSV and any ``extra`` files, in a deterministic zip."""
    files = {DESCRIPTOR: json.dumps(package.descriptor, ensure_ascii=False, indent=2) + "\n"}
    for name, table in package.tables.items():
        files[table.path] = table_csv(package, name)
    files.update(extra or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(files):
            info = zipfile.ZipInfo(path, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[path])
    return buffer.getvalue()
