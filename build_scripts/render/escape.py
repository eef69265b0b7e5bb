"""Escaping of data values for the places they are rendered.

Every value that comes from the package goes through one of these before it reaches a page:
Markdown text, an HTML attribute, YAML front matter, JSON inside a ``<script>``.
"""

from __future__ import annotations

import json
import re
from typing import Any

# Characters that inline Markdown, its extensions, HTML or Jinja-like syntaxes give a meaning
# to anywhere in a line. Each is written as a numeric character reference, which
# Python-Markdown leaves alone and the browser shows as the character itself:
# `[x](javascript:...)`, `<script>`, `{{ }}`, `*emphasis*` and `| table |` all stay text.
_MARKDOWN_SPECIALS = set("\\`*_{}[]()#+!|~<>&\"'")
_TABLE = {ord(ch): f"&#{ord(ch)};" for ch in _MARKDOWN_SPECIALS}
# Block syntax only counts at the start of a line: a list ("- ", "1. "), a rule ("---"),
# a setext underline ("==="). A value is one line, so only its first character can start one.
_LEADING = re.compile(r"^(?:([-=:])|(\d+)([.)]))")


def markdown_text(value: Any) -> str:
    """Escape a data value for inline use in Markdown (line breaks become spaces)."""
    text = "" if value is None else str(value)
    text = " ".join(text.split()).translate(_TABLE)
    return _LEADING.sub(_escape_leading, text)


def _escape_leading(match: re.Match[str]) -> str:
    if match.group(1):
        return f"&#{ord(match.group(1))};"
    return f"{match.group(2)}&#{ord(match.group(3))};"


def yaml_string(value: Any) -> str:
    """Quote a value as a YAML scalar (a JSON string is a valid YAML double-quoted scalar)."""
    return json.dumps("" if value is None else str(value), ensure_ascii=True)


def script_json(value: Any) -> str:
    """Serialise to JSON safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` are written as ``\\u`` escapes so that ``</script>`` in the data
    cannot close the element, and the output is stable (sorted keys).
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def markdown_code(value: Any) -> str:
    """A data value shown as inline code, escaped like text (a backtick in a field name or
    an enum code cannot end the code span and start live Markdown or HTML)."""
    return f"<code>{markdown_text(value)}</code>"


def code_block(text: str, info: str = "") -> str:
    """A fenced code block holding ``text`` verbatim: the fence is longer than any run of
    backticks inside, so no line of the text can close it (the highlighter escapes HTML)."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{text}\n{fence}"
