"""The site spec: what the pages need to know about this package's shape, in one place.

The generator reads the data package for everything it can (field names, titles, types,
enumerations, keys, rules); what a schema cannot say (which tables get a page of their own,
which columns an index shows and how it sorts, which figures a toll has, which statuses and
statement kinds open a section, which colour a stance gets) is declared here, as data. A
package of another shape is described by a new spec, not by edits across the page modules.
"""

from __future__ import annotations

from dataclasses import dataclass

# An index column: (heading, kind, argument). Kinds: "self" links to the record (argument:
# the field shown as its text, or None for its label); "text" shows a field; "date" a date
# at its precision; "ref" links a field to the table given as "field>table"; "count" counts
# incoming links "table.field"; "cited" counts every incoming link.
Column = tuple[str, str, str | None]


@dataclass(frozen=True)
class SiteSpec:
    """Everything schema-specific the pages use."""

    record_tables: tuple[str, ...]
    anchor_pages: dict[str, str]
    label_fields: tuple[str, ...]
    index_columns: dict[str, tuple[Column, ...]]
    # Sort keys of index pages: fields in order; a leading "~" sorts the field case-blind.
    sort_keys: dict[str, tuple[str, ...]]
    toll_figures: tuple[str, ...]
    qualifier_words: dict[str, str]
    toll_statuses: dict[str, str]
    information_types: frozenset[str]
    claim_kinds: frozenset[str]
    stance_colours: dict[str, str]


SPEC = SiteSpec(
    record_tables=("actors", "statements", "incidents", "sources"),
    anchor_pages={"casualties": "casualties.md", "casualty_reports": "casualties.md",
                  "places": "places.md"},
    label_fields=("name", "title"),
    index_columns={
        "actors": (("Name", "self", None), ("Kind", "text", "actor_type"),
                   ("Country", "text", "country"), ("Role at the time", "text", "role"),
                   ("Statements", "count", "statements.speaker_id"),
                   ("Targeted by", "count", "statement_targets.actor_id")),
        "statements": (("Date", "date", "date"), ("Speaker", "ref", "speaker_id>actors"),
                       ("Kind", "text", "kind"), ("Summary", "self", "summary"),
                       ("Language", "text", "quote_language")),
        "incidents": (("Date", "date", "date"), ("Incident", "self", None),
                      ("Type", "text", "incident_type"), ("Place", "ref", "place_id>places"),
                      ("Fatalities", "text", "fatalities")),
        "sources": (("Published", "date", "published"), ("Title", "self", None),
                    ("Publisher", "text", "publisher"), ("Kind", "text", "source_type"),
                    ("Copy", "text", "copy_type"), ("Language", "text", "language"),
                    ("Cited by", "cited", None)),
    },
    sort_keys={"actors": ("~name", "actor_id"), "statements": ("date", "statement_id"),
               "incidents": ("date", "incident_id"), "sources": ("~publisher", "source_id")},
    toll_figures=("killed", "injured", "security_injured", "arrests"),
    qualifier_words={"approximately": "about ", "at-least": "at least ",
                     "more-than": "more than "},
    toll_statuses={"official": "Counted in the official toll",
                   "not-counted": "Reported but not counted in the official toll"},
    # Incident types told on the statements-and-information track rather than on the ground.
    information_types=frozenset({"information-operation"}),
    # Statement kinds that open a thread on the claims page even when nobody answered them.
    claim_kinds=frozenset({"accusation", "counter-accusation", "evidence-report"}),
    # Okabe-Ito colours (legible with colour-blindness) by stance of a statement's target.
    stance_colours={"accuses": "#D55E00", "rejects": "#0072B2", "supports": "#009E73",
                    "addresses": "#CC79A7", "mentions": "#999999"},
)
