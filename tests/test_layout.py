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
