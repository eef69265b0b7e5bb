"""The one Jinja environment: view models → Markdown pages and HTML documents.

Templates named ``*.html.j2`` produce HTML and are autoescaped; the others produce Markdown
(or plain text files of the release), where HTML escaping would leave Markdown syntax live,
so every data value goes through the ``md`` or ``code`` filter instead.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2

from build_scripts.render.escape import code_block, markdown_code, markdown_text, yaml_string


@cache
def environment() -> jinja2.Environment:
    """The Jinja environment for every template, with the escaping filters registered."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("build_scripts.render", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",),
                                            default_for_string=False, default=False),
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
