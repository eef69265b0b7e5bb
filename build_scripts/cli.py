"""Command line: ``python -m build_scripts validate | build`` (alias ``nc-record``).

Exit codes: 0 success, 1 invalid data or failed build, 2 usage error. No traceback reaches
the user for bad input: every failure is a sentence.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from build_scripts.formats import format_github, format_json, format_text
from build_scripts.validate import validate_package

DEFAULT_PACKAGE = Path("datapackage")
DEFAULT_SITE = Path("site")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m build_scripts",
        description="Validate the data package and build the documentary site from it.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check the package; print every problem")
    validate.add_argument("--package", type=Path, default=DEFAULT_PACKAGE,
                          help="folder holding datapackage.json (default: datapackage)")
    validate.add_argument("--format", choices=("text", "json", "github"), default="text",
                          help="text for people, json for tools, github for CI annotations")

    build = commands.add_parser("build", help="validate, generate pages, build the site")
    build.add_argument("--package", type=Path, default=DEFAULT_PACKAGE,
                       help="folder holding datapackage.json (default: datapackage)")
    build.add_argument("--site-dir", type=Path, default=DEFAULT_SITE,
                       help="where the built site goes (default: site)")
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                       help="MkDocs configuration (default: mkdocs.yml)")
    return parser


def _validate(args: argparse.Namespace) -> int:
    report = validate_package(args.package)
    name = str(report.package.descriptor.get("name") or args.package)
    if args.format == "json":
        sys.stdout.write(format_json(report.problems, name))
    elif args.format == "github":
        sys.stdout.write(format_github(report.problems, str(args.package)))
        sys.stderr.write(format_text(report.problems, name))
    else:
        sys.stdout.write(format_text(report.problems, name))
    return 0 if report.valid else 1


def _build(args: argparse.Namespace) -> int:
    from build_scripts.site_build import BuildError, build_site

    report = validate_package(args.package)
    if not report.valid:
        name = str(report.package.descriptor.get("name") or args.package)
        sys.stderr.write(format_text(report.problems, name))
        sys.stderr.write(f"Build stopped: the package is invalid; {args.site_dir} is untouched.\n")
        return 1
    try:
        build_site(args.package, args.site_dir, args.config)
    except BuildError as exc:
        sys.stderr.write(f"Build failed: {exc}\n{args.site_dir} is untouched.\n")
        return 1
    sys.stdout.write(f"Site built in {args.site_dir}.\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help
        return int(exc.code or 0)
    if args.command == "validate":
        return _validate(args)
    return _build(args)
