"""The codebook page, generated from the schema: tables, fields, rules and every code."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from build_scripts.site.model import Dataset
from build_scripts.load.problem_types import PROBLEM_TYPES
from build_scripts.render.jinja import render


@dataclass(frozen=True)
class FieldDoc:
    """One field as the codebook describes it (raw text; the template escapes)."""

    name: str
    title: str
    type: str
    required: str
    description: str
    example: str
    rules: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class TableDoc:
    """One table as the codebook describes it."""

    name: str
    title: str
    description: str
    path: str
    count: int
    key: str
    references: list[str]
    fields: list[FieldDoc]


def field_rules(entry: dict[str, Any]) -> list[str]:
    """The validator's rules declared on a field, in words."""
    rules = []
    constraints = entry.get("constraints", {})
    if "pattern" in constraints:
        rules.append(f"Must match {constraints['pattern']}.")
    if "minimum" in constraints or "maximum" in constraints:
        rules.append(f"Range {constraints.get('minimum', '')} to {constraints.get('maximum', '')}.")
    if constraints.get("unique"):
        rules.append("Unique.")
    if "x-list-reference" in entry:
        ref = entry["x-list-reference"]
        rules.append(f"Each id must exist in {ref['resource']}.{ref['field']}.")
    if entry.get("x-in-coverage"):
        rules.append("Within the package's temporal coverage.")
    if "x-not-before" in entry:
        rules.append(f"Not before {entry['x-not-before']}.")
    if "x-required-with" in entry:
        rules.append(f"Required when {entry['x-required-with']} is filled.")
    for key, verb in (("x-required-when", "Required"), ("x-empty-when", "Empty")):
        if key in entry:
            rule = entry[key]
            rules.append(f"{verb} when {rule['field']} is {' or '.join(rule['in'])}.")
    if entry.get("x-url"):
        rules.append("An http or https address.")
    if "x-at-least-count-of" in entry:
        ref = entry["x-at-least-count-of"]
        rules.append(f"At least the number of {ref['resource']} rows linked by {ref['field']}.")
    return rules


def codebook_page(dataset: Dataset) -> str:
    """The codebook of every resource of the package."""
    tables = []
    for resource in dataset.descriptor["resources"]:
        schema = resource["schema"]
        key = schema.get("primaryKey", [])
        key_text = ", ".join([key] if isinstance(key, str) else key) or "none"
        refs = [f"{fk['fields']} → {fk['reference']['resource'] or resource['name']}."
                f"{fk['reference']['fields']}" for fk in schema.get("foreignKeys", [])]
        fields = []
        for entry in schema["fields"]:
            constraints = entry.get("constraints", {})
            descriptions = entry.get("enumDescriptions", {})
            fields.append(FieldDoc(
                entry["name"], entry.get("title", ""), entry.get("type", "string"),
                "yes" if constraints.get("required") else "no", entry.get("description", ""),
                str(entry.get("example", "")), field_rules(entry),
                [(str(code), str(descriptions.get(code, ""))) for code in
                 constraints.get("enum", [])]))
        tables.append(TableDoc(resource["name"], resource.get("title", resource["name"]),
                               resource.get("description", ""), resource["path"],
                               len(dataset.table(resource["name"]).rows), key_text, refs, fields))
    problems = [(code, title, meaning) for code, (title, meaning) in PROBLEM_TYPES.items()]
    return render("codebook.md.j2", version=str(dataset.descriptor.get("version", "")),
                  tables=tables, problems=problems)
