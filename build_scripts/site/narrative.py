"""The narrative pages: the timeline and the claims with their responses."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from build_scripts.site.cells import Cells
from build_scripts.render.escape import markdown_text
from build_scripts.site.model import Dataset
from build_scripts.load.package import Row
from build_scripts.site.record_pages import quote_block
from build_scripts.render.jinja import render
from build_scripts.load.values import format_date
from build_scripts.site.spec import SPEC

INFORMATION_TYPES = SPEC.information_types
CLAIM_KINDS = SPEC.claim_kinds
MAX_DEPTH = 6  # deeper answers are shown at this indentation; threads here are short


@dataclass
class Day:
    """One day of the timeline with its two tracks."""

    label: str
    anchor: str
    events: list[str] = field(default_factory=list)
    statements: list[str] = field(default_factory=list)


@dataclass
class Month:
    """One month of the timeline."""

    label: str
    days: list[Day] = field(default_factory=list)


def _day_key(row: Row) -> tuple[str, str]:
    """Group key: the ISO date, or the month/year itself for a less precise date."""
    date, precision = row.get("date", ""), row.get("date_precision", "day")
    if precision == "month":
        return date[:7], f"{format_date(date, 'month')} (day not known)"
    if precision == "year":
        return date[:4], f"{date[:4]} (month not known)"
    return date, format_date(date, "day")


def timeline_page(dataset: Dataset) -> str:
    """Incidents and statements on one time axis, day by day, on two tracks."""
    cells = Cells(dataset, "timeline.md")
    days: dict[str, Day] = {}
    for row in sorted(dataset.rows("incidents"), key=lambda r: (r["date"], r["incident_id"])):
        key, text = _day_key(row)
        day = days.setdefault(key, Day(text, f"day-{key}"))
        item = cells.link("incidents", row["incident_id"]) + f" (*{markdown_text(row['incident_type'])}*)"
        (day.statements if row["incident_type"] in INFORMATION_TYPES else day.events).append(item)
    for row in sorted(dataset.rows("statements"), key=lambda r: (r["date"], r["statement_id"])):
        key, text = _day_key(row)
        day = days.setdefault(key, Day(text, f"day-{key}"))
        speaker = cells.link("actors", row["speaker_id"])
        day.statements.append(f"{speaker} (*{markdown_text(row['kind'])}*): "
                              + cells.link("statements", row["statement_id"], row["summary"]))
    months: dict[str, Month] = {}
    for key in sorted(days):
        month_key = key[:7] if len(key) >= 7 else key
        label = format_date(f"{month_key}-01", "month") if len(month_key) == 7 else month_key
        months.setdefault(month_key, Month(label)).days.append(days[key])
    intro = (f"{len(dataset.rows('incidents'))} incidents and {len(dataset.rows('statements'))} "
             "statements on one time axis. Each day has two tracks: events on the ground, and "
             "statements and information operations. Dates known only to the month or year are "
             "grouped at the start of that month or year.")
    return render("timeline.md.j2", intro=intro, months=list(months.values()),
                  tracks={"events": "On the ground",
                          "statements": "Statements and information operations"})


@dataclass
class Entry:
    """One statement in a thread, at its depth of answer."""

    depth: int
    header: str
    body: str


@dataclass
class Thread:
    """A claim and every statement that answers it, directly or not."""

    heading: str
    entries: list[Entry]


def _entry(cells: Cells, row: Row, depth: int) -> Entry:
    when = markdown_text(format_date(row["date"], row["date_precision"]))
    targets = [f"{markdown_text(t['stance'])} {cells.link('actors', t['actor_id'])}"
               for t in cells.dataset.linked_from("statements", row["statement_id"],
                                                  "statement_targets")]
    header = (f"**{cells.link('actors', row['speaker_id'])}**, {when}, "
              f"{markdown_text(row['venue'])}: *{markdown_text(row['kind'])}*"
              + (f" ({'; '.join(targets)})" if targets else ""))
    body = (markdown_text(row["summary"]) + " "
            + cells.link("statements", row["statement_id"], "Statement page") + "\n\n"
            + quote_block(cells, row))
    return Entry(min(depth, MAX_DEPTH), header, body)


def claims_page(dataset: Dataset) -> str:
    """Each claim with the replies and denials that answer it, all attributed."""
    cells = Cells(dataset, "claims.md")
    statements = dataset.records.get("statements", {})
    answers: dict[str, list[Row]] = defaultdict(list)
    for row in statements.values():
        if row.get("responds_to") in statements:
            answers[row["responds_to"]].append(row)
    roots = [r for r in statements.values()
             if r.get("responds_to") not in statements
             and (r["kind"] in CLAIM_KINDS or answers.get(r["statement_id"]))]
    roots.sort(key=lambda r: (r["date"], r["statement_id"]))
    threads, shown = [], set()
    for root in roots:
        entries: list[Entry] = []
        stack = [(root, 0)]
        while stack:
            row, depth = stack.pop()
            if row["statement_id"] in shown:
                continue
            shown.add(row["statement_id"])
            entries.append(_entry(cells, row, depth))
            replies = sorted(answers.get(row["statement_id"], []),
                             key=lambda r: (r["date"], r["statement_id"]), reverse=True)
            stack.extend((reply, depth + 1) for reply in replies)
        speaker = dataset.get("actors", root["speaker_id"])
        heading = (f"{format_date(root['date'], root['date_precision'])}: "
                   f"{speaker['name'] if speaker else root['speaker_id']}, {root['kind']}")
        threads.append(Thread(heading, entries))
    others = [r for r in sorted(statements.values(), key=lambda r: (r["date"], r["statement_id"]))
              if r["statement_id"] not in shown]
    other_items = [f"{markdown_text(format_date(r['date'], r['date_precision']))}: "
                   f"{cells.link('actors', r['speaker_id'])} (*{markdown_text(r['kind'])}*): "
                   + cells.link("statements", r["statement_id"], r["summary"]) for r in others]
    intro = (f"{len(threads)} claims, each followed by the statements that answer it. Every "
             "statement is attributed to its speaker and quoted as published; a claim recorded "
             "here is what its speaker said, not a finding of this record.")
    return render("claims.md.j2", intro=intro, threads=threads, others=other_items)

