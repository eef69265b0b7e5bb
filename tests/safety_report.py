"""Print the safety cases of ``tests/test_safety.py`` as a table: exit code and first message.

    python -m tests.safety_report

Each case runs as the tests run it (a throw-away repository, the real CLI); the table is the
one quoted in the safety issue's closing note, produced by this script rather than by hand.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from pathlib import Path

from build_scripts import cli
from tests.hostile import make_workspace
from tests.test_safety import OUTPUT_CASES, PACKAGE_CASES


def _first_problem_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for index, line in enumerate(lines):
        if line.endswith("]") and "[" in line and index + 1 < len(lines):
            return lines[index + 1]
    return lines[0] if lines else ""


def _run(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    return code, out.getvalue() + err.getvalue()


def main() -> None:
    """Run every case and print one Markdown row each."""
    print("| case | command | exit | first message line |")
    print("|---|---|---|---|")
    start = Path.cwd()
    for name, command, folder, prepare, _ in OUTPUT_CASES:
        with tempfile.TemporaryDirectory() as tmp:
            space = make_workspace(Path(tmp))
            os.chdir(space.repo)
            try:
                if prepare == "user-folder":
                    (space.repo / folder).mkdir()
                    (space.repo / folder / "thesis.tex").write_text("work\n", encoding="utf-8")
                elif prepare == "symlink":
                    (space.repo / folder).symlink_to(space.outside)
                option = "--site-dir" if command == "build" else "--out"
                code, text = _run([command, "--package", "datapackage", option, folder])
            finally:
                os.chdir(start)
        line = text.strip().splitlines()[0] if text.strip() else ""
        print(f"| {name} | `{command} {option} {folder}` | {code} | {_cell(line)} |")
    for name, mutate, _, _ in PACKAGE_CASES:
        with tempfile.TemporaryDirectory() as tmp:
            space = make_workspace(Path(tmp))
            os.chdir(space.repo)
            try:
                mutate(space)
                code, text = _run(["validate", "--package", "datapackage"])
            finally:
                os.chdir(start)
        print(f"| {name} | `validate` | {code} | {_cell(_first_problem_line(text))} |")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace(str(Path(tempfile.gettempdir())), "/tmp")


if __name__ == "__main__":
    main()
