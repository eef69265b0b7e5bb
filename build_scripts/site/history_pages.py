"""Pages about the data's history: the changelog, the corrections log, and tombstones."""

from __future__ import annotations

from dataclasses import dataclass

from build_scripts.site.cells import EMPTY, Cells
from build_scripts.release.diff import PackageDiff, TableDiff, clip, diff_packages
from build_scripts.render.escape import markdown_text
from build_scripts.site.links import has_pages, record_path
from build_scripts.site.model import Dataset
from build_scripts.load.package import Package
from build_scripts.render.jinja import render
from build_scripts.site.sections import Grid, Section

CLIP = 100  # characters of an old or new value shown in the changelog


@dataclass(frozen=True)
class TableChanges:
    """One table's changes as changelog items (escaped Markdown)."""

    table: str
    added: list[str]
    removed: list[str]
    changed: list[str]


@dataclass(frozen=True)
class Version:
    """One version's entry in the changelog."""

    heading: str
    anchor: str
    first: bool
    empty: bool
    summary: str
    tables: list[TableChanges]


def _clip(text: str) -> str:
    return markdown_text(clip(text, CLIP)) or "*(empty)*"


def _table_changes(cells: Cells, diff: TableDiff, current: Dataset) -> TableChanges:
    def name(key: str) -> str:
        if current.get(diff.table, key) is not None:
            return cells.link(diff.table, key, key)
        if has_pages(diff.table):  # a withdrawn record: its tombstone keeps the address
            return f"[{markdown_text(key)}]({record_path(diff.table, key)})"
        return markdown_text(key)

    changed = [f"{name(key)}: " + "; ".join(f"{markdown_text(c.field)}: {_clip(c.old)} → "
                                            f"{_clip(c.new)}" for c in changes)
               for key, changes in diff.changed.items()]
    return TableChanges(diff.table, [name(k) for k in diff.added],
                        [name(k) for k in diff.removed], changed)


def _entry(cells: Cells, diff: PackageDiff, current: Dataset, label: str) -> Version:
    anchor = "v" + label.replace(".", "-").replace(" ", "-").lower()
    return Version(f"{diff.old_version} → {label}", anchor, False, diff.empty, "",
                   [_table_changes(cells, t, current) for t in diff.tables if not t.empty])


def changelog_page(dataset: Dataset, releases: list[Package]) -> str:
    """Every release against the one before it, and the working data against the last."""
    cells = Cells(dataset, "changelog.md")
    versions = []
    current = dataset.package
    version = str(current.descriptor.get("version", ""))
    history = list(releases)
    unreleased = None
    if not history or str(history[-1].descriptor.get("version")) != version:
        history.append(current)
    else:  # same version as the last release: show what changed since, if anything
        working = diff_packages(history[-1], current)
        if not working.empty:
            unreleased = _entry(cells, working, dataset, "unreleased changes")
    for index, release in enumerate(history):
        label = str(release.descriptor.get("version", ""))
        if index == 0:
            counts = ", ".join(f"{len(t.rows)} {t.name}" for t in release.tables.values())
            versions.append(Version(f"Version {label}", "v" + label.replace(".", "-"), True,
                                    False, counts, []))
            continue
        diff = diff_packages(history[index - 1], release)
        versions.append(_entry(cells, diff, dataset, label))
    if unreleased is not None:
        versions.append(unreleased)
    versions.reverse()
    return render("changelog.md.j2", versions=versions)


def withdrawn_records(dataset: Dataset, releases: list[Package]) -> dict[tuple[str, str], str]:
    """``{(table, id): version it was last released in}`` for records no longer in the data."""
    gone: dict[tuple[str, str], str] = {}
    for release in releases:
        version = str(release.descriptor.get("version", ""))
        for name, table in release.tables.items():
            if not has_pages(name) or not table.key:
                continue
            for row in table.rows:
                record_id = row.get(table.key, "")
                if dataset.get(name, record_id) is None:
                    gone[(name, record_id)] = version
    return gone


def tombstone_page(dataset: Dataset, table: str, record_id: str, last_version: str) -> str:
    """The page left at a withdrawn record's address: when and why it was withdrawn."""
    cells = Cells(dataset, record_path(table, record_id))
    reasons = [c for c in dataset.rows("corrections")
               if c["table"] == table and c["record_id"] == record_id
               and c["action"] == "withdrawn"]
    why = [f"{markdown_text(c['date'])}: {markdown_text(c['reason'])} "
           f"(reported by {markdown_text(c['reported_by'])}; sources: "
           f"{cells.sources(c['source_ids'])})" for c in reasons]
    lead = (f"This record was withdrawn. It was last published in version "
            f"{markdown_text(last_version)} and is not in version "
            f"{markdown_text(dataset.descriptor.get('version', ''))}. Its address is kept so "
            "that links and citations still lead somewhere. See the "
            f"{cells.link_index(table, 'index of current records')}.")
    sections = [Section("Why it was withdrawn", why,
                        empty="No reason was recorded in the corrections log.")]
    return render("record.md.j2", title=f"Withdrawn: {record_id}", lead=lead, sections=sections)


def corrections_page(dataset: Dataset) -> str:
    """The public corrections log."""
    cells = Cells(dataset, "corrections.md")
    rows = []
    for c in sorted(dataset.rows("corrections"), key=lambda r: (r["date"], r["correction_id"])):
        record = (cells.link(c["table"], c["record_id"], c["record_id"])
                  if dataset.get(c["table"], c["record_id"]) else markdown_text(c["record_id"]))
        rows.append([markdown_text(c["date"]), markdown_text(c["table"]), record,
                     markdown_text(c["field"]) or EMPTY, markdown_text(c["action"]),
                     _clip(c["was"]), _clip(c["now"]), markdown_text(c["reason"]),
                     cells.sources(c["source_ids"]), markdown_text(c["reported_by"])])
    lead = ("Every substantive correction made to the data after a release, with what was "
            "wrong, what is right, the source and who reported it. Typos and formatting "
            "fixes are not listed; every change, however small, is in the changelog.")
    section = Section("Corrections", table=Grid(
        ["Date", "Table", "Record", "Field", "Action", "Was", "Now", "What was wrong",
         "Sources", "Reported by"], rows) if rows else None,
        empty="No correction has been made since the first release.")
    return render("record.md.j2", title="Corrections log", lead=lead, sections=[section])
