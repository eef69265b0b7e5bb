"""Seeded synthetic packages of the bundled schema at any size (valid: keys, links, citations).

    python benchmarks/synthetic.py OUT_DIR N [--seed S]

N counts statements plus incidents; the other tables grow in proportion.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_SOURCE = ROOT / "datapackage" / "datapackage.json"
START = dt.date(2030, 1, 1)
DAYS = 700
WORDS = ["flood", "river", "bridge", "council", "mayor", "dam", "gates", "warning", "water",
         "town", "road", "school", "market", "night", "police", "report", "statement",
         "denial", "claim", "evidence", "agency", "village", "harbour"]


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _date(rng: random.Random) -> dt.date:
    return START + dt.timedelta(days=rng.randrange(DAYS))


def _write(path: Path, fields: list[str], rows: list[dict[str, Any]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({f: row.get(f, "") for f in fields})


def make_package(out: Path, n: int, seed: int = 1) -> Path:
    """Write a valid synthetic package with about ``n`` statements and incidents to ``out``."""
    rng = random.Random(seed)
    descriptor = json.loads(SCHEMA_SOURCE.read_text(encoding="utf-8"))
    descriptor.update({"name": f"synthetic-{n}", "title": f"Synthetic package ({n} records)",
                       "description": "Generated for benchmarks; nothing in it is real.",
                       "version": "0.0.1", "temporalCoverage": {"start": "2030-01-01",
                                                               "end": "2031-12-31"}})
    descriptor.pop("x-intro", None)
    fields = {r["name"]: [f["name"] for f in r["schema"]["fields"]] for r in descriptor["resources"]}
    n_statements, n_incidents = n // 2, n - n // 2
    n_actors, n_sources = max(10, n // 5), max(10, n // 3)
    n_places, n_deaths = 20 + n // 100, max(3, n // 20)
    src = [f"source-{i:05d}" for i in range(n_sources)]
    actors = [f"actor-{i:05d}" for i in range(n_actors)]
    places = [f"place-{i:04d}" for i in range(n_places)]

    def cite() -> str:
        return ";".join(sorted(rng.sample(src, rng.randint(1, 2))))

    tables: dict[str, list[dict[str, Any]]] = {}
    tables["sources"] = [dict(source_id=s, publisher=f"Publisher {i % 40}", title=_text(rng, 6),
                              title_from_url="false", url=f"https://news.example.org/{s}",
                              published=(START + dt.timedelta(days=i % DAYS)).isoformat(),
                              published_precision="day", accessed="2032-01-01", language="en",
                              source_type=rng.choice(["newspaper", "wire", "broadcaster"]),
                              copy_type="original") for i, s in enumerate(src)]
    tables["actors"] = [dict(actor_id=a, name=f"Actor {i}", actor_type="person", country="XA",
                             role=_text(rng, 4), source_ids=cite()) for i, a in enumerate(actors)]
    tables["places"] = [dict(place_id=p, name=f"Place {i}", commune=f"Commune {i % 15}",
                             province="unknown", country="XA", coordinate_precision="none",
                             source_ids=cite()) for i, p in enumerate(places)]
    statements = []
    for i in range(n_statements):
        date = _date(rng)
        earlier = [s for s in statements[-20:] if s["date"] <= date.isoformat()]
        statements.append(dict(
            statement_id=f"{date.isoformat()}-statement-{i:05d}", date=date.isoformat(),
            date_precision="day", speaker_id=rng.choice(actors), venue="Press conference",
            kind=rng.choice(["accusation", "denial", "support", "commentary"]),
            quote_type="direct", quote=_text(rng, 25), quote_language="en",
            quote_source_id=rng.choice(src), english_by="original", summary=_text(rng, 12),
            responds_to=rng.choice(earlier)["statement_id"] if earlier and rng.random() < .4 else "",
            source_ids=cite()))
    tables["statements"] = statements
    targets = []
    for s in statements:
        for actor in rng.sample(actors, rng.randint(1, 2)):
            if actor != s["speaker_id"]:
                targets.append(dict(statement_id=s["statement_id"], actor_id=actor,
                                    stance=rng.choice(["accuses", "rejects", "supports"])))
    tables["statement_targets"] = targets
    incidents = []
    for i in range(n_incidents):
        date = _date(rng)
        incidents.append(dict(incident_id=f"{date.isoformat()}-incident-{i:05d}",
                              date=date.isoformat(), date_precision="day",
                              incident_type=rng.choice(["riot", "arson", "roadblock", "shooting"]),
                              place_id=rng.choice(places), title=_text(rng, 5),
                              description=_text(rng, 30),
                              actor_ids=";".join(sorted(rng.sample(actors, 2))),
                              fatalities="", injuries=str(rng.randint(0, 20)), source_ids=cite()))
    deaths = []
    for i in range(n_deaths):
        incident = rng.choice(incidents)
        deaths.append(dict(casualty_id=f"death-{i:05d}", toll_status="official", sex="unknown",
                           category="unknown", description=_text(rng, 8), date=incident["date"],
                           date_precision="day", place_id=incident["place_id"],
                           circumstances=_text(rng, 15), incident_id=incident["incident_id"],
                           source_ids=cite()))
    counts: dict[str, int] = {}
    for d in deaths:
        counts[d["incident_id"]] = counts.get(d["incident_id"], 0) + 1
    for incident in incidents:
        if incident["incident_id"] in counts:
            incident["fatalities"] = str(counts[incident["incident_id"]])
    tables["incidents"] = incidents
    tables["casualties"] = deaths
    tables["casualty_variants"] = []
    tables["casualty_reports"] = [
        dict(report_id=f"report-{i:05d}", as_of=_date(rng).isoformat(), reporter="Authority",
             killed=str(i), killed_qualifier="exact", injured_qualifier="not-reported",
             security_injured_qualifier="not-reported", arrests_qualifier="not-reported",
             wording=f"{i} dead", source_ids=cite()) for i in range(max(3, n // 50))]
    relations = {}
    for _ in range(max(3, n // 10)):
        a, b = rng.sample(actors, 2)
        kind = rng.choice(["member-of", "hosted", "funded"])
        relations[f"{a}-{kind}-{b}"] = dict(relation_id=f"{a}-{kind}-{b}", subject_id=a,
                                            relation=kind, object_id=b, date_precision="unknown",
                                            evidence=_text(rng, 10), source_ids=cite())
    tables["relations"] = list(relations.values())
    tables["corrections"] = []
    # One excerpt per statement and incident, from its first cited source, as the real
    # package has (about one to four per record).
    tables["evidence"] = [
        dict(evidence_id=f"{table}-{row[key]}-1", table=table, record_id=row[key],
             source_id=row["source_ids"].split(";")[0], stance="supports", fields="date",
             excerpt=_text(rng, 20), read_on="2030-06-01")
        for table, key in (("statements", "statement_id"), ("incidents", "incident_id"))
        for row in tables[table]]
    (out / "data").mkdir(parents=True, exist_ok=True)
    (out / "datapackage.json").write_text(json.dumps(descriptor, indent=2) + "\n", encoding="utf-8")
    for name, rows in tables.items():
        _write(out / "data" / f"{name}.csv", fields[name], rows)
    return out


def main() -> None:
    """Command line: write one synthetic package."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    make_package(args.out, args.n, args.seed)


if __name__ == "__main__":
    main()
