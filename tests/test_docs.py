"""Documentation kept in step with the code and the schema."""

from __future__ import annotations

import json
from html import unescape
from pathlib import Path

from build_scripts.cli import _parser
from tests.conftest import BUNDLED, ROOT


def test_every_field_and_code_is_described() -> None:
    """Every field has a title and description; every enum value has its meaning."""
    descriptor = json.loads((BUNDLED / "datapackage.json").read_text(encoding="utf-8"))
    missing = []
    for resource in descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            where = f"{resource['name']}.{field['name']}"
            if not field.get("title") or not field.get("description"):
                missing.append(where)
            meanings = field.get("enumDescriptions", {})
            missing += [f"{where}={code}" for code in field.get("constraints", {}).get("enum", [])
                        if not meanings.get(code)]
    assert missing == []


def test_codebook_lists_every_field_and_code(bundled_site: Path) -> None:
    """The generated codebook names every field and every code of the schema."""
    # Names are written with character references (&#95; for "_"): compare the text read.
    html = unescape((bundled_site / "codebook" / "index.html").read_text(encoding="utf-8"))
    descriptor = json.loads((BUNDLED / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            assert f"<code>{field['name']}</code>" in html, field["name"]
            for code in field.get("constraints", {}).get("enum", []):
                assert f"<code>{code}</code>" in html, code


def test_readme_documents_every_cli_command() -> None:
    """Each command of the CLI appears in the README's command table."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = _parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert commands
    for name in commands:
        assert f"python -m build_scripts {name}" in readme, name


def test_methodology_lists_known_gaps() -> None:
    """The methodology page has its sections on tolls, names, translations and gaps."""
    text = (ROOT / "docs" / "methodology.md").read_text(encoding="utf-8")
    for heading in ("## Tolls and disagreements", "## Names of the dead",
                    "## Quotes and translations", "## Known gaps"):
        assert heading in text


def test_codebook_documents_every_problem_type(bundled_site: Path) -> None:
    """The codebook's table of problem types lists every type of the registry."""
    from build_scripts.load.problem_types import PROBLEM_TYPES

    html = unescape((bundled_site / "codebook" / "index.html").read_text(encoding="utf-8"))
    assert 'id="problems"' in html
    for code, (title, _) in PROBLEM_TYPES.items():
        assert f"<code>{code}</code>" in html and title in html, code


def test_every_problem_type_written_in_the_code_is_registered() -> None:
    """Every literal problem type in build_scripts (the 4th argument of Problem(...) or
    problem(...)) is in the registry, so none goes undocumented."""
    import ast

    from build_scripts.load.problem_types import PROBLEM_TYPES

    found: set[str] = set()
    for path in (ROOT / "build_scripts").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("Problem", "problem") and len(node.args) >= 4
                    and isinstance(node.args[3], ast.Constant)):
                found.add(str(node.args[3].value))
    assert len(found) > 20
    assert sorted(found - set(PROBLEM_TYPES)) == []
