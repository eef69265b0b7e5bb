"""Evidence rows point at a real record, quote a source that record cites, and name its facts.

Declared on the evidence resource as ``"x-evidence": {"table": ..., "record": ..., "source":
..., "fields": ...}`` (the names of its columns), and on each fact-bearing resource as
``"x-fact-fields": [...]``. A record's cited sources are the values of its fields that refer
to the resource the evidence's source column refers to (``source_ids``, ``quote_source_id``
...), so an excerpt can only come from a page the record itself cites.
"""

from __future__ import annotations

from collections.abc import Iterator

from build_scripts.load.package import Package, Row, Table
from build_scripts.load.problems import Problem
from build_scripts.load.values import split_ids
from build_scripts.validate.checks._common import problem, readable_tables, rows


def cited_sources(table: Table, row: Row, source_resource: str) -> set[str]:
    """Every source id the record ``row`` of ``table`` cites."""
    return {value for name, target, _ in table.references() if target == source_resource
            for value in split_ids(row.get(name, ""))}


def source_resource(table: Table, column: str) -> str:
    """The resource the evidence's source column refers to."""
    for fk in table.schema.get("foreignKeys", []):
        if fk.get("fields") == column:
            return str(fk["reference"].get("resource") or table.name)
    return "sources"


def check(package: Package) -> Iterator[Problem]:
    """Yield a problem for each evidence row whose record, source or fields do not hold."""
    for table in readable_tables(package):
        spec = table.schema.get("x-evidence") or {}
        if not spec:
            continue
        sources = source_resource(table, spec["source"])
        keyed: dict[str, dict[str, Row]] = {}
        for number, row in rows(table):
            target_name = row.get(spec["table"], "")
            target = package.tables.get(target_name)
            facts = target.schema.get("x-fact-fields", []) if target else []
            if target is None or not facts or not target.key or not target.readable:
                if target is None or not facts:
                    yield problem(table, number, spec["table"], "evidence-record", target_name,
                                  f"'{target_name}' is not a table whose facts take evidence.",
                                  "a table that declares x-fact-fields")
                continue
            if target_name not in keyed:
                keyed[target_name] = {r.get(target.key, ""): r for r in target.rows}
            record_id = row.get(spec["record"], "")
            record = keyed[target_name].get(record_id)
            if record is None:
                yield problem(table, number, spec["record"], "evidence-record", record_id,
                              f"'{record_id}' is not a record of {target.path}.",
                              f"the id of an existing row of {target.path}")
                continue
            source_id = row.get(spec["source"], "")
            if source_id and source_id not in cited_sources(target, record, sources):
                yield problem(table, number, spec["source"], "evidence-source", source_id,
                              f"'{source_id}' is not among the sources that {record_id} cites.",
                              "one of the record's own sources (cite the page in the record "
                              "first)")
            for name in split_ids(row.get(spec["fields"], "")):
                if name not in facts:
                    yield problem(table, number, spec["fields"], "evidence-field", name,
                                  f"'{name}' is not a fact field of {target.path}.",
                                  "fact fields of that table: " + ", ".join(facts))
