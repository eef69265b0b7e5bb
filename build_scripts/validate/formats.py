"""Print a validation report for people (text), for tools (JSON) or for GitHub (annotations)."""

from __future__ import annotations

import json

from build_scripts.load.problems import Problem, visible


def _where(problem: Problem) -> str:
    parts = [problem.file]
    if problem.row is not None:
        parts.append(f"row {problem.row}")
        if problem.line is not None and problem.line != problem.row:
            parts.append(f"line {problem.line}")
    if problem.field:
        parts.append(f"column '{problem.field}'")
    return ", ".join(parts)


def format_text(problems: list[Problem], package_name: str) -> str:
    """A plain report: one paragraph per problem with where, what and the fix."""
    if not problems:
        return f"{package_name}: valid.\n"
    noun = "problem" if len(problems) == 1 else "problems"
    out = [f"{package_name}: {len(problems)} {noun} found.\n"]
    for problem in problems:
        # visible(): a cell's control characters (terminal escapes, line breaks, zero-width
        # or bidirectional marks) are printed as \u escapes, never obeyed by the terminal.
        out.append(f"{visible(_where(problem))}  [{visible(problem.type)}]\n"
                   f"  {visible(problem.message)}\n"
                   f"  Expected: {visible(problem.expected)}\n")
    return "\n".join(out)


def format_json(problems: list[Problem], package_name: str) -> str:
    """A JSON document: ``{"package", "valid", "problems": [...]}``, one problem a line.

    Each problem is encoded compactly (Python's fast C encoder; ``indent`` would switch to
    the pure-Python one, 5 s for 400,000 problems) and put on a line of its own.
    """
    head = json.dumps({"package": package_name, "valid": not problems}, ensure_ascii=False)
    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder, not one per problem
    items = ",\n".join(encode(p.to_dict()) for p in problems)
    return head[:-1] + ', "problems": [' + ("\n" + items + "\n" if items else "") + "]}\n"


def _escape_data(text: str) -> str:
    text = visible(text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problems: list[Problem], package_dir: str) -> str:
    """GitHub Actions workflow commands: an ``::error`` annotation on each problem's line."""
    lines = []
    for problem in problems:
        path = f"{package_dir.rstrip('/')}/{problem.file}"
        props = [f"file={_escape_property(path)}"]
        line = problem.line or problem.row
        if line:
            props.append(f"line={line}")
        title = f"{problem.type}" + (f" in '{problem.field}'" if problem.field else "")
        props.append(f"title={_escape_property(title)}")
        lines.append(f"::error {','.join(props)}::"
                     + _escape_data(f"{problem.message} Expected: {problem.expected}"))
    return "\n".join(lines) + ("\n" if lines else "")
