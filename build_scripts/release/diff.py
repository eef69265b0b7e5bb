"""Compare two versions of a package record by record (pure).

Records are matched by primary key; a table's changes are the ids added, the ids removed
and, for ids in both, every field whose value differs (old → new).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from build_scripts.load.package import Package, Row, Table


@dataclass(frozen=True)
class FieldChange:
    """One field of one record: its old and new value."""

    field: str
    old: str
    new: str


@dataclass
class TableDiff:
    """What changed in one table."""

    table: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, list[FieldChange]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """True when nothing changed."""
        return not (self.added or self.removed or self.changed)


@dataclass
class PackageDiff:
    """What changed between two versions of a package."""

    old_version: str
    new_version: str
    tables: list[TableDiff]

    @property
    def empty(self) -> bool:
        """True when no table changed."""
        return all(t.empty for t in self.tables)


def record_key(table: Table, row: Row) -> str:
    """A record's id: its primary key's value (composite keys joined with '|')."""
    key = table.schema.get("primaryKey") or table.field_names
    names = [key] if isinstance(key, str) else list(key)
    return "|".join(row.get(n, "") for n in names)


def _index(table: Table | None) -> dict[str, Row]:
    return {record_key(table, row): row for row in table.rows} if table else {}


def diff_tables(name: str, old: Table | None, new: Table | None) -> TableDiff:
    """Records added, removed and changed (field by field) between two versions of a table."""
    before, after = _index(old), _index(new)
    result = TableDiff(name, sorted(set(after) - set(before)), sorted(set(before) - set(after)))
    fields = list(dict.fromkeys((old.field_names if old else []) + (new.field_names if new else [])))
    for key in sorted(set(before) & set(after)):
        changes = [FieldChange(f, before[key].get(f, ""), after[key].get(f, ""))
                   for f in fields if before[key].get(f, "") != after[key].get(f, "")]
        if changes:
            result.changed[key] = changes
    return result


def diff_packages(old: Package, new: Package) -> PackageDiff:
    """Compare every table of two packages (tables present in either)."""
    names = list(dict.fromkeys([*old.tables, *new.tables]))
    return PackageDiff(str(old.descriptor.get("version", "")), str(new.descriptor.get("version", "")),
                       [diff_tables(n, old.tables.get(n), new.tables.get(n)) for n in names])


def clip(text: str, size: int = 120) -> str:
    """``text`` on one line, cut to ``size`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def changes_text(diff: PackageDiff) -> str:
    """A plain report of the differences."""
    if diff.empty:
        return f"No difference between {diff.old_version} and {diff.new_version}.\n"
    out = [f"Changes from {diff.old_version} to {diff.new_version}:"]
    for t in diff.tables:
        if t.empty:
            continue
        out.append(f"\n{t.table}: {len(t.added)} added, {len(t.removed)} removed, "
                   f"{len(t.changed)} changed")
        out += [f"  + {key}" for key in t.added]
        out += [f"  - {key}" for key in t.removed]
        for key, changes in t.changed.items():
            out.append(f"  ~ {key}")
            out += [f"      {c.field}: {clip(c.old)!r} -> {clip(c.new)!r}" for c in changes]
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """Escape a value for a Markdown table cell in a job summary."""
    return (clip(text).replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")
            .replace("<", "&lt;").replace(">", "&gt;")) or "*(empty)*"


def changes_markdown(diff: PackageDiff) -> str:
    """A Markdown report (for a pull request's job summary)."""
    out = [f"## Data changes: {diff.old_version} → {diff.new_version}", ""]
    if diff.empty:
        return "\n".join([*out, "No record changed.", ""])
    out += ["| Table | Added | Removed | Changed |", "|---|---|---|---|"]
    out += [f"| {t.table} | {len(t.added)} | {len(t.removed)} | {len(t.changed)} |"
            for t in diff.tables if not t.empty]
    for t in diff.tables:
        if t.empty:
            continue
        out += ["", f"### {t.table}", ""]
        out += [f"- added `{_md(k)}`" for k in t.added]
        out += [f"- removed `{_md(k)}`" for k in t.removed]
        for key, changes in t.changed.items():
            out += ["", f"`{_md(key)}`", "", "| Field | Old | New |", "|---|---|---|"]
            out += [f"| {c.field} | {_md(c.old)} | {_md(c.new)} |" for c in changes]
    return "\n".join(out) + "\n"


def changes_json(diff: PackageDiff) -> str:
    """The differences as JSON."""
    return json.dumps(asdict(diff), ensure_ascii=False, indent=2) + "\n"
