"""Command line: ``python -m build_scripts validate | build | release | diff`` (alias ``nc-record``).

Exit codes: 0 success, 1 invalid data or failed build, 2 usage error. No traceback reaches
the user for bad input: every failure is a sentence.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from build_scripts.load.problems import visible
from build_scripts.validate.formats import format_github, format_json, format_text
from build_scripts.validate.report import validate_package

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
    build.add_argument("--force", action="store_true",
                       help="replace a non-empty --site-dir that an earlier build did not make")
    release = commands.add_parser("release", help="write the release files and a snapshot")
    release.add_argument("--package", type=Path, default=DEFAULT_PACKAGE,
                         help="folder holding datapackage.json (default: datapackage)")
    release.add_argument("--out", type=Path, default=Path("dist"),
                         help="where the release files go (default: dist)")
    release.add_argument("--force", action="store_true",
                         help="replace a non-empty --out folder that no release made")

    diff = commands.add_parser("diff", help="compare two packages record by record")
    diff.add_argument("old", type=Path, help="folder of the old package")
    diff.add_argument("new", type=Path, help="folder of the new package")
    diff.add_argument("--format", choices=("text", "markdown", "json"), default="text",
                      help="text for people, markdown for a job summary, json for tools")
    return parser


def _load_valid(folder: Path) -> object:
    """Validate a package; print its problems and return None when it is invalid."""
    report = validate_package(folder)
    if not report.valid:
        name = str(report.package.descriptor.get("name") or folder)
        sys.stderr.write(format_text(report.problems, name))
        return None
    return report.package


def _release(args: argparse.Namespace) -> int:
    from build_scripts.load.package import Package
    from build_scripts.release.write import ReleaseError, write_release

    package = _load_valid(args.package)
    if not isinstance(package, Package):
        sys.stderr.write("Release stopped: the package is invalid.\n")
        return 1
    try:
        names = write_release(package, args.out, force=args.force)
    except (ReleaseError, OSError) as exc:
        sys.stderr.write(f"Release failed: {visible(str(exc), keep_lines=True)}\n")
        return 1
    sys.stdout.write(f"Release written to {args.out}: " + ", ".join(names) + "\n")
    return 0


def _load_readable(folder: Path) -> object:
    """Load a package for comparison; print its read problems and return None if any.

    A diff compares records, so each package must read cleanly; it need not pass today's
    rules (a snapshot of an old release was valid under the rules of its day).
    """
    from build_scripts.load.package import load_package

    package = load_package(folder)
    if package.problems or not package.descriptor:
        name = str(package.descriptor.get("name") or folder)
        sys.stderr.write(format_text(package.problems, name))
        return None
    return package


def _diff(args: argparse.Namespace) -> int:
    from build_scripts.load.package import Package
    from build_scripts.release.diff import (
        changes_json,
        changes_markdown,
        changes_text,
        diff_packages,
    )

    old, new = _load_readable(args.old), _load_readable(args.new)
    if not isinstance(old, Package) or not isinstance(new, Package):
        sys.stderr.write("Diff stopped: both packages must read cleanly.\n")
        return 1
    formatter = {"text": changes_text, "markdown": changes_markdown,
                 "json": changes_json}[args.format]
    sys.stdout.write(formatter(diff_packages(old, new)))
    return 0


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
    from build_scripts.pipeline import BuildError, InvalidPackage, build_site

    try:
        build_site(args.package, args.site_dir, args.config, force=args.force)
    except InvalidPackage as exc:
        name = str(exc.report.package.descriptor.get("name") or args.package)
        sys.stderr.write(format_text(exc.report.problems, name))
        sys.stderr.write(f"Build stopped: the package is invalid; {args.site_dir} is untouched.\n")
        return 1
    except BuildError as exc:
        sys.stderr.write(f"Build failed: {visible(str(exc), keep_lines=True)}\n"
                         f"{args.site_dir} is untouched.\n")
        return 1
    sys.stdout.write(f"Site built in {args.site_dir}.\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help
        return int(exc.code or 0)
    commands = {"validate": _validate, "build": _build, "release": _release, "diff": _diff}
    try:
        return commands[args.command](args)
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted; nothing was half-written.\n")
        return 130
    except OSError as exc:  # a folder that cannot be read or written: say which, no traceback
        where = f" ({exc.filename})" if exc.filename else ""
        sys.stderr.write(f"{args.command} failed: {exc.strerror or exc}{where}.\n")
        return 1
    except Exception as exc:
        # Bad input is reported as problems above; reaching here is a bug of this program.
        # BUILD_SCRIPTS_DEBUG=1 shows the traceback for whoever fixes it.
        if os.environ.get("BUILD_SCRIPTS_DEBUG"):
            raise
        sys.stderr.write(f"{args.command} failed on an unexpected error "
                         f"({type(exc).__name__}: {visible(str(exc))}). This is a bug: please "
                         "report it with the package that caused it.\n")
        return 1
