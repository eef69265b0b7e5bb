"""The layout is the pipeline: imports only go down the stages; a build reads the package once."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, VALID

PACKAGE = ROOT / "build_scripts"
# Stage of each top-level part of build_scripts, in pipeline order; a module may import its
# own stage or an earlier one, never a later one.
STAGES = {"load": 0, "validate": 1, "render": 2, "write": 2, "release": 3, "site": 4,
          "pipeline": 5, "cli": 6, "mkdocs_hook": 6, "__main__": 7, "__init__": 0}


def _stage(module: str) -> str:
    """``build_scripts.site.home`` → ``site``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            if node.module == "build_scripts":
                names += [f"build_scripts.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
    return [n for n in names if n.startswith("build_scripts.")]


def _upward_imports() -> list[str]:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        own = _stage(module)
        assert own in STAGES, f"{module} is in no stage: add its folder to STAGES"
        for imported in _imports(path):
            if STAGES[_stage(imported)] > STAGES[own]:
                wrong.append(f"{module} imports {imported}")
    return wrong


def test_imports_only_go_down_the_pipeline() -> None:
    """No module imports a later stage (site from release, release from pipeline, ...)."""
    assert _upward_imports() == []


def test_the_import_check_sees_an_upward_import(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above does catch an upward import (so its silence means something)."""
    original = _imports

    def with_upward(path: Path) -> list[str]:
        found = original(path)
        if path.name == "package.py" and path.parent.name == "load":
            found.append("build_scripts.site.generate")
        return found

    monkeypatch.setitem(globals(), "_imports", with_upward)
    assert _upward_imports() == ["build_scripts.load.package imports build_scripts.site.generate"]


def test_a_build_reads_and_validates_the_package_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """build_site loads the package and runs Frictionless exactly once, the hook included."""
    from build_scripts import pipeline
    from build_scripts.validate import frictionless_adapter, report

    calls: dict[str, int] = {"load": 0, "frictionless": 0}

    def counting(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return function(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(report, "load_package", counting("load", report.load_package))
    monkeypatch.setattr(report, "frictionless_problems",
                        counting("frictionless", frictionless_adapter.frictionless_problems))
    pipeline.build_site(VALID, tmp_path / "site", ROOT / "mkdocs.yml")
    assert calls == {"load": 1, "frictionless": 1}
    assert (tmp_path / "site" / "index.html").is_file()


def test_site_spec_names_only_what_the_schema_has() -> None:
    """Every table, field and code named in the site spec exists in the bundled schema, so
    the spec cannot drift from the package it describes."""
    import json

    from build_scripts.site.spec import SPEC

    descriptor = json.loads((ROOT / "datapackage" / "datapackage.json").read_text("utf-8"))
    schemas = {r["name"]: r["schema"] for r in descriptor["resources"]}
    fields = {t: {f["name"]: f for f in s["fields"]} for t, s in schemas.items()}

    def codes(table: str, field: str) -> set[str]:
        return set(fields[table][field].get("constraints", {}).get("enum", []))

    assert set(SPEC.record_tables) | set(SPEC.anchor_pages) <= set(schemas)
    for table, columns in SPEC.index_columns.items():
        for _, kind, argument in columns:
            if kind in ("text", "date") or (kind == "self" and argument):
                assert argument in fields[table], (table, argument)
            if kind == "ref":
                field, target = str(argument).split(">")
                assert field in fields[table] and target in schemas
            if kind == "count":
                source, via = str(argument).split(".")
                assert via in fields[source]
    for table, keys in SPEC.sort_keys.items():
        assert {k.lstrip("~") for k in keys} <= set(fields[table]), table
    assert set(SPEC.toll_figures) <= set(fields["casualty_reports"])
    qualifiers = codes("casualty_reports", f"{SPEC.toll_figures[0]}_qualifier")
    assert set(SPEC.qualifier_words) <= qualifiers
    assert set(SPEC.toll_statuses) == codes("casualties", "toll_status")
    assert SPEC.claim_kinds <= codes("statements", "kind")
    assert SPEC.information_types <= codes("incidents", "incident_type")
    assert set(SPEC.stance_colours) == codes("statement_targets", "stance")
