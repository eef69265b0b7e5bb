"""Where each fact of a record is stated: the evidence excerpts and what they support (pure).

The package's evidence resource (declared by ``x-evidence``) holds, for a record, the words
of a cited source and the fact fields they state (``x-fact-fields`` of the record's table).
Whether a record is fully supported is computed here, never typed by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from build_scripts.render.escape import markdown_text
from build_scripts.site.cells import Cells
from build_scripts.site.links import relative
from build_scripts.site.model import Dataset, Excerpt
from build_scripts.site.sections import Section

SUPPORTS, CONTRADICTS = "supports", "contradicts"
METHOD_LINK = "methodology.md#evidence"


@dataclass(frozen=True)
class Support:
    """How far a record's facts are stated by its own sources."""

    facts: tuple[str, ...]
    excerpts: tuple[Excerpt, ...] = field(default_factory=tuple)

    @property
    def supported(self) -> list[str]:
        """Fact fields some excerpt states."""
        said = {f for e in self.excerpts if e.stance == SUPPORTS for f in e.fields}
        return [f for f in self.facts if f in said]

    @property
    def missing(self) -> list[str]:
        """Fact fields no excerpt states yet."""
        return [f for f in self.facts if f not in self.supported]

    @property
    def contradicted(self) -> list[str]:
        """Fact fields a cited source gives differently."""
        said = {f for e in self.excerpts if e.stance == CONTRADICTS for f in e.fields}
        return [f for f in self.facts if f in said]

    @property
    def status(self) -> str:
        """``supported`` (every fact), ``partly`` (some) or ``unsupported`` (none)."""
        if not self.missing:
            return "supported"
        return "partly" if self.supported else "unsupported"


def fact_fields(dataset: Dataset, table: str) -> list[str]:
    """The fact fields declared for ``table`` (empty when its facts take no evidence)."""
    return list(dataset.table(table).schema.get("x-fact-fields", [])) \
        if table in dataset.package.tables else []


def record_support(dataset: Dataset, table: str, record_id: str) -> Support | None:
    """The support of one record, or None when its table takes no evidence."""
    declared = fact_fields(dataset, table)
    row = dataset.get(table, record_id)
    if not declared or row is None:
        return None
    facts = tuple(f for f in declared if row.get(f, "") not in ("", "unknown"))
    return Support(facts, tuple(dataset.excerpts.get((table, record_id), [])))


def fact_names(dataset: Dataset, table: str, fields: list[str]) -> str:
    """The fields' titles, lower-case and escaped, joined by commas."""
    titles = [str(dataset.table(table).field(f).get("title", f)).lower() for f in fields]
    return ", ".join(markdown_text(t) for t in titles)


def badge(dataset: Dataset, table: str, support: Support, here: str) -> str:
    """One plain sentence on how far the record is checked, linked to the methodology."""
    how = f"[how this is checked]({relative(here, METHOD_LINK)})"
    if support.status == "supported":
        text = ("**Checked:** every fact of this record is stated in the words of a source it "
                "cites (excerpts below)")
    elif support.status == "partly":
        text = (f"**Partly checked:** the {fact_names(dataset, table, support.missing)} "
                "rest on no excerpt of a cited source yet")
    else:
        text = "**Not yet checked:** no excerpt of a cited source is recorded for this record"
    if support.contradicted:
        text += (f"; a cited source gives the {fact_names(dataset, table, support.contradicted)} "
                 "differently (below)")
    return f'<p class="evidence-badge evidence-{support.status}" markdown>{text}; {how}.</p>'


def evidence_items(dataset: Dataset, table: str, support: Support, here: str) -> list[str]:
    """The excerpts as list items: the facts, the words, the source."""
    cells = Cells(dataset, here)
    items = []
    for excerpt in support.excerpts:
        facts = fact_names(dataset, table, list(excerpt.fields))
        verb = "states" if excerpt.stance == SUPPORTS else "**gives differently**"
        items.append(f"{cells.link('sources', excerpt.source_id)} {verb} the {facts}: "
                     f"“{markdown_text(excerpt.words)}”")
    return items


def evidence_section(dataset: Dataset, table: str, support: Support, here: str) -> Section:
    """The "Where each fact is stated" section of a record page."""
    return Section("Where each fact is stated", evidence_items(dataset, table, support, here),
                   empty="No excerpt of a cited source is recorded yet.", searchable=False)
