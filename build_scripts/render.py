"""Render view models into Markdown through Jinja templates (``StrictUndefined``)."""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2

from build_scripts.escape import code_block, markdown_code, markdown_text, yaml_string


@cache
def environment() -> jinja2.Environment:
    """The Jinja environment for page templates, with the escaping filters registered.

    Autoescape is off because the output is Markdown, not HTML: every data value is passed
    through the ``md`` filter instead (``e`` would leave Markdown syntax live).
    """
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("build_scripts", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Markdown output: values are escaped by the md filter instead
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = markdown_text
    env.filters["yaml"] = yaml_string
    env.filters["code"] = markdown_code
    env.filters["code_block"] = code_block
    return env


def render(template: str, **context: Any) -> str:
    """Render the named template with the given context."""
    return environment().get_template(template).render(**context)
