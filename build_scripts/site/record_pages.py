"""Pages of single records: an actor, a statement, an incident, a source."""

from __future__ import annotations

from build_scripts.site.cells import EMPTY, Cells, label
from build_scripts.render.escape import markdown_text
from build_scripts.site.links import record_path
from build_scripts.site.model import Dataset
from build_scripts.load.package import Row
from build_scripts.render.jinja import render
from build_scripts.site.evidence import Support, badge, evidence_section, record_support
from build_scripts.site.sections import Grid, Section
from build_scripts.load.values import format_date, split_ids


def _by_date(rows: list[Row], field: str = "date") -> list[Row]:
    return sorted(rows, key=lambda r: (r.get(field, ""), next(iter(r.values()), "")))


def _fields_section(cells: Cells, table: str, row: Row) -> Section:
    return Section("All fields", table=Grid(["Field", "Value"],
                                             [[k, v] for k, v in cells.field_rows(table, row)]),
                   searchable=False)


def statement_line(cells: Cells, row: Row) -> str:
    """One statement as a list item: date, speaker, kind and a link to its page."""
    when = markdown_text(format_date(row["date"], row["date_precision"]))
    speaker = cells.link("actors", row["speaker_id"])
    summary = cells.link("statements", row["statement_id"], row["summary"])
    return f"{when}: {speaker}, *{markdown_text(row['kind'])}*: {summary}"


def english_note(cells: Cells, row: Row) -> str:
    """Who made the English rendering of a quote, as a phrase."""
    if row.get("english_by") == "source" and row.get("english_source_id"):
        return "translation published by " + cells.link("sources", row["english_source_id"])
    return "translation by this project"


def quote_block(cells: Cells, row: Row) -> str:
    """The quote in its language, its English rendering and where the words were read."""
    attribution = (cells.link("sources", row["quote_source_id"])
                   + f" (quote type: {markdown_text(row['quote_type'])}).")
    return render("quote.md.j2", row=row, english_note=english_note(cells, row),
                  attribution=attribution)


def actor_page(dataset: Dataset, actor_id: str, network: str = "") -> str:
    """The page of one actor: its fields, its statements, statements about it, its links."""
    here = record_path("actors", actor_id)
    cells = Cells(dataset, here)
    actor = dataset.records["actors"][actor_id]
    said = _by_date(dataset.linked_from("actors", actor_id, "statements", "speaker_id"))
    about = []
    for target in dataset.linked_from("actors", actor_id, "statement_targets", "actor_id"):
        statement = dataset.get("statements", target["statement_id"])
        if statement:
            about.append((statement, target["stance"]))
    about.sort(key=lambda pair: (pair[0]["date"], pair[0]["statement_id"]))
    relations = []
    for via in ("subject_id", "object_id"):
        for rel in dataset.linked_from("actors", actor_id, "relations", via):
            subject, obj = cells.link("actors", rel["subject_id"]), cells.link("actors",
                                                                               rel["object_id"])
            relations.append(f"{subject} *{markdown_text(rel['relation'])}* {obj} "
                             f"({cells.sources(rel['source_ids'])})")
    incidents = _by_date(dataset.linked_from("actors", actor_id, "incidents", "actor_ids"))
    reports = _by_date(dataset.linked_from("actors", actor_id, "casualty_reports",
                                           "reporter_id"), "as_of")
    members = dataset.linked_from("actors", actor_id, "actors", "parent_id")
    lead = markdown_text(actor["role"]) + "."
    sections = [
        Section("Network", body=network),
        Section("Statements by " + actor["name"], [statement_line(cells, s) for s in said]),
        Section("Statements about " + actor["name"],
                [f"*{markdown_text(stance)}*: {statement_line(cells, s)}" for s, stance in about]),
        Section("Relations", relations),
        Section("Incidents", [cells.link("incidents", i["incident_id"]) + " ("
                              + markdown_text(format_date(i["date"], i["date_precision"])) + ")"
                              for i in incidents]),
        Section("Tolls reported", [cells.link("casualty_reports", r["report_id"],
                                              f"{r['as_of']}: {r['wording']}") for r in reports]),
        Section("Members and parts", [cells.link("actors", m["actor_id"]) for m in members]),
        Section("Sources", [cells.link("sources", s) for s in split_ids(actor["source_ids"])]),
        _fields_section(cells, "actors", actor),
    ]
    return render("record.md.j2", title=actor["name"], lead=lead,
                  sections=[s for s in sections
                            if s.items or s.table or s.body or s.heading == "Sources"])


def _evidence(dataset: Dataset, table: str, support: Support | None,
              here: str) -> list[Section]:
    return [] if support is None else [evidence_section(dataset, table, support, here)]


def statement_page(dataset: Dataset, statement_id: str) -> str:
    """The page of one statement: the quote, who it targets, what it answers, the answers."""
    here = record_path("statements", statement_id)
    cells = Cells(dataset, here)
    row = dataset.records["statements"][statement_id]
    targets = [f"*{markdown_text(t['stance'])}*: {cells.link('actors', t['actor_id'])}"
               for t in dataset.linked_from("statements", statement_id, "statement_targets")]
    answers = _by_date(dataset.linked_from("statements", statement_id, "statements",
                                           "responds_to"))
    answered = [statement_line(cells, dataset.records["statements"][row["responds_to"]])] \
        if row.get("responds_to") in dataset.records["statements"] else []
    lead = (markdown_text(row["summary"]) + "\n\n" + quote_block(cells, row))
    support = record_support(dataset, "statements", statement_id)
    if support is not None:
        lead = badge(dataset, "statements", support, here) + "\n\n" + lead
    sections = [
        Section("Targets", targets),
        Section("Answers", answered, empty="This statement does not answer another on record."),
        Section("Answered by", [statement_line(cells, a) for a in answers],
                empty="No answer on record."),
        *_evidence(dataset, "statements", support, here),
        Section("Sources", [cells.link("sources", s) for s in split_ids(row["source_ids"])]),
        _fields_section(cells, "statements", row),
    ]
    return render("record.md.j2", title=label(dataset, "statements", row), lead=lead,
                  sections=sections)


def incident_page(dataset: Dataset, incident_id: str) -> str:
    """The page of one incident: what, when, where, who, the deaths linked to it."""
    here = record_path("incidents", incident_id)
    cells = Cells(dataset, here)
    row = dataset.records["incidents"][incident_id]
    place = dataset.get("places", row["place_id"])
    where = markdown_text(place["name"]) if place else EMPTY
    when = markdown_text(format_date(row["date"], row["date_precision"]))
    lead = f"**{when}**, {where}. {markdown_text(row['description'])}"
    support = record_support(dataset, "incidents", incident_id)
    if support is not None:
        lead = badge(dataset, "incidents", support, here) + "\n\n" + lead
    deaths = dataset.linked_from("incidents", incident_id, "casualties", "incident_id")
    sections = [
        Section("Actors", [cells.link("actors", a) for a in split_ids(row.get("actor_ids", ""))]),
        Section("Deaths", [cells.link("casualties", d["casualty_id"],
                                      d["name"] or d["description"]) for d in deaths]),
        *_evidence(dataset, "incidents", support, here),
        Section("Sources", [cells.link("sources", s) for s in split_ids(row["source_ids"])]),
        _fields_section(cells, "incidents", row),
    ]
    return render("record.md.j2", title=row["title"], lead=lead, sections=sections)


def source_page(dataset: Dataset, source_id: str) -> str:
    """The page of one source: its fields, a link to it and every record that cites it."""
    here = record_path("sources", source_id)
    cells = Cells(dataset, here)
    row = dataset.records["sources"][source_id]
    lead = f"{markdown_text(row['publisher'])}: {cells.external(row['url'], 'read the page')}"
    citing: dict[str, list[str]] = {}
    for link in dataset.incoming.get(("sources", source_id), []):
        record = dataset.get(link.table, link.id)
        if record is None or link.table == "casualty_variants":
            continue
        title = dataset.table(link.table).title
        citing.setdefault(title, [])
        item = cells.link(link.table, link.id) if not link.id.startswith("#") else EMPTY
        if item not in citing[title]:
            citing[title].append(item)
    sections = [Section("Cited by: " + title, items) for title, items in sorted(citing.items())]
    sections.append(_fields_section(cells, "sources", row))
    return render("record.md.j2", title=row["title"], lead=lead, sections=sections)
