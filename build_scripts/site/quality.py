"""The data-quality page: how much of the record is checkable, computed from the data (pure).

Every number here is counted from the package at build time: the share of records whose
facts are all stated by an excerpt of a cited source, the disagreements, the sources.
"""

from __future__ import annotations

from collections import Counter

from build_scripts.load.values import split_ids
from build_scripts.render.escape import markdown_text
from build_scripts.render.jinja import render
from build_scripts.site.cells import Cells, label
from build_scripts.site.evidence import Support, fact_fields, fact_names, record_support
from build_scripts.site.model import Dataset

PAGE = "data-quality.md"
# Records listed per table under "Not yet fully checked": the whole list of a large package
# would make one page of thousands of items; the rest are counted, and in the downloads.
LIST_LIMIT = 200


def _share(part: int, whole: int) -> str:
    return f"{part} ({round(100 * part / whole)} %)" if whole else "0"


def quality_page(dataset: Dataset, limit: int = LIST_LIMIT) -> str:
    """The data-quality page of the package (at most ``limit`` records listed per table)."""
    cells = Cells(dataset, PAGE)
    rows, todo = [], []
    for table in dataset.package.tables:
        if not fact_fields(dataset, table):
            continue
        supports: dict[str, Support] = {}
        for record_id in sorted(dataset.records.get(table, {})):
            support = record_support(dataset, table, record_id)
            if support is not None:
                supports[record_id] = support
        status = Counter(s.status for s in supports.values())
        disputed = sum(1 for s in supports.values() if s.contradicted)
        excerpts = sum(len(s.excerpts) for s in supports.values())
        citing = [name for name, target, _ in dataset.table(table).references()
                  if target == "sources"]
        cited = [len({v for f in citing
                      for v in split_ids(dataset.records[table][rid].get(f, ""))})
                 for rid in supports]
        total = len(supports)
        rows.append([markdown_text(dataset.table(table).title), str(total),
                     _share(status["supported"], total), _share(status["partly"], total),
                     _share(status["unsupported"], total), str(disputed), str(excerpts),
                     f"{sum(cited) / total:.1f}" if total else "0"])
        pending = [(rid, s) for rid, s in supports.items()
                   if s.status != "supported" or s.contradicted]
        for record_id, support in pending[:limit]:
            row = dataset.records[table][record_id]
            missing = fact_names(dataset, table, support.missing) or "none"
            extra = (f"; given differently by a cited source: "
                     f"{fact_names(dataset, table, support.contradicted)}"
                     if support.contradicted else "")
            todo.append(f"{markdown_text(dataset.table(table).title)}: "
                        f"{cells.link(table, record_id, label(dataset, table, row))} "
                        f"(no excerpt yet: {missing}{extra})")
        if len(pending) > limit:
            todo.append(f"{markdown_text(dataset.table(table).title)}: and "
                        f"{len(pending) - limit} more records (the evidence table in the "
                        "downloads has every excerpt).")
    sources = dataset.rows("sources")
    kinds = Counter(s.get("source_type", "") for s in sources)
    facts = {
        "sources": len(sources),
        "from_url": sum(1 for s in sources if s.get("title_from_url") == "true"),
        "undated": sum(1 for s in sources if not s.get("published")),
        "archived": sum(1 for s in sources if s.get("archive_url")),
    }
    return render("quality.md.j2", rows=rows, todo=todo, facts=facts,
                  kinds=[(markdown_text(k), n) for k, n in sorted(kinds.items())])
