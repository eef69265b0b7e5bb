"""Validation problems as data: every check yields these, the CLI decides how to print them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the package, located as precisely as the check can.

    ``row`` counts as Frictionless does (the header is row 1, the first data row is row 2);
    ``line`` is the physical line in the file, which differs from ``row`` only when a cell
    holds a line break.
    """

    file: str
    row: int | None
    field: str | None
    type: str
    value: str | None
    message: str
    expected: str
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the problem as a JSON-ready dictionary."""
        # Spelled out: dataclasses.asdict deep-copies every value (slow at 400,000 problems).
        return {"file": self.file, "row": self.row, "field": self.field, "type": self.type,
                "value": self.value, "message": self.message, "expected": self.expected,
                "line": self.line}


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Order problems by file, then row, then field, so reports are stable."""
    return sorted(problems, key=lambda p: (p.file, p.row or 0, p.field or "", p.type, p.message))


def _is_invisible(char: str) -> bool:
    """Control characters, format characters (zero-width, bidirectional overrides) and
    unusual spaces: shown as escapes so a terminal neither hides nor obeys them."""
    import unicodedata

    if char == " ":
        return False
    return unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp", "Co", "Cs")


def visible(text: str, keep_lines: bool = False) -> str:
    """``text`` with invisible and control characters written as ``\\u200b``-style escapes
    (line breaks too, unless ``keep_lines`` is set for a multi-line message)."""
    if text.isprintable():
        return text
    return "".join(f"\\u{ord(c):04x}" if _is_invisible(c) and not (keep_lines and c == "\n")
                   else c for c in text)
