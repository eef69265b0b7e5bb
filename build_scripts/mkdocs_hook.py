"""The MkDocs hook file named in ``mkdocs.yml``: the pipeline's hooks, nothing else.

MkDocs loads this file by its path as a module of its own; the functions below belong to
:mod:`build_scripts.pipeline`, imported by name, so their state is the pipeline's.
"""

from build_scripts.pipeline import on_config, on_files, on_page_markdown, on_startup

__all__ = ["on_config", "on_files", "on_page_markdown", "on_startup"]
