"""An indexed, read-only view of a validated package: records by id and reverse links.

Built once per build in linear time, so no page has to scan every record (the pages of
N records cost O(N), not O(N²)).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from build_scripts.load.package import Package, Row, Table
from build_scripts.load.values import split_ids
from build_scripts.site.spec import SPEC

# The tables whose records each get a page of their own, at <table>/<id>/.
RECORD_TABLES = SPEC.record_tables


@dataclass(frozen=True)
class Link:
    """A reference from one record to another: which table, which id, through which field."""

    table: str
    id: str
    field: str


@dataclass(frozen=True)
class Excerpt:
    """The words of one source about one record, and the fact fields they bear on."""

    source_id: str
    words: str
    fields: tuple[str, ...]
    stance: str


@dataclass
class Dataset:
    """Records by table and id, every incoming link of every record, and the evidence
    excerpts of every record (from the resource that declares ``x-evidence``)."""

    package: Package
    records: dict[str, dict[str, Row]] = field(default_factory=dict)
    incoming: dict[tuple[str, str], list[Link]] = field(default_factory=dict)
    excerpts: dict[tuple[str, str], list[Excerpt]] = field(default_factory=dict)

    @property
    def descriptor(self) -> dict[str, Any]:
        """The package descriptor."""
        return self.package.descriptor

    def table(self, name: str) -> Table:
        """The table ``name``."""
        return self.package.tables[name]

    def rows(self, name: str) -> list[Row]:
        """The rows of table ``name`` (empty when the package lacks it)."""
        return self.package.rows(name)

    def get(self, table: str, record_id: str) -> Row | None:
        """The record ``record_id`` of ``table``, or None."""
        return self.records.get(table, {}).get(record_id)

    def linked_from(self, table: str, record_id: str, source_table: str,
                    via: str | None = None) -> list[Row]:
        """Rows of ``source_table`` that point at ``table``/``record_id`` (through ``via``)."""
        out = []
        for link in self.incoming.get((table, record_id), []):
            if link.table == source_table and (via is None or link.field == via):
                row = self.get(link.table, link.id)
                if row is not None and row not in out:
                    out.append(row)
        return out


def build_dataset(package: Package) -> Dataset:
    """Index the package's records by id and collect each record's incoming links."""
    dataset = Dataset(package)
    for name, table in package.tables.items():
        key = table.key
        if key:
            dataset.records[name] = {row.get(key, ""): row for row in table.rows}
        else:  # a link table: its rows are addressed by position, "#0", "#1", ...
            dataset.records[name] = {f"#{i}": row for i, row in enumerate(table.rows)}
    incoming: dict[tuple[str, str], list[Link]] = defaultdict(list)
    for name, table in package.tables.items():
        key = table.key
        for field_name, target, is_list in table.references():
            for index, row in enumerate(table.rows):
                values = split_ids(row.get(field_name, "")) if is_list else [row.get(field_name, "")]
                own_id = row.get(key, "") if key else f"#{index}"
                for value in values:
                    if value:
                        incoming[(target, value)].append(Link(name, own_id, field_name))
    dataset.incoming = dict(incoming)
    dataset.excerpts = _excerpts(package)
    return dataset


def _excerpts(package: Package) -> dict[tuple[str, str], list[Excerpt]]:
    """Every excerpt by (table, record id), in the order of the evidence resource's ids."""
    out: dict[tuple[str, str], list[Excerpt]] = {}
    for table in package.tables.values():
        spec = table.schema.get("x-evidence")
        if not spec:
            continue
        stance = spec.get("stance")
        for row in sorted(table.rows, key=lambda r: r.get(table.key or "", "")):
            out.setdefault((row[spec["table"]], row[spec["record"]]), []).append(Excerpt(
                row[spec["source"]], row[spec["excerpt"]], tuple(split_ids(row[spec["fields"]])),
                row.get(stance, "supports") if stance else "supports"))
    return out
