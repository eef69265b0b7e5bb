"""No command can destroy, leak or crash, whatever the package or the paths (table-driven).

Each case runs the real CLI in a throw-away repository (see :mod:`tests.hostile`) with the
network cut off, and asserts the exit code, the first words of the message, that no
traceback is printed, and that nothing outside the intended folder changed (fingerprints of
the repository, the package, the previous site and a folder beside the repository).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from build_scripts import cli
from build_scripts.write import outputs
from build_scripts.write.outputs import MARKER, output_lock
from tests.hostile import SECRET, Workspace, digest, make_workspace, nested


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Cut the network off: any lookup or connection is recorded and fails."""
    attempts: list[str] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(repr(args[:2]))
        raise OSError("network disabled in tests")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    yield attempts


@pytest.fixture
def space(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """A fresh fake repository as the current folder."""
    workspace = make_workspace(tmp_path)
    monkeypatch.chdir(workspace.repo)
    return workspace


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """Run the CLI in-process; return its exit code and everything it printed."""
    code = cli.main(list(argv))
    out = capsys.readouterr()
    text = out.out + out.err
    assert "Traceback" not in text, text
    return code, text


def everything(space: Workspace) -> dict[str, str]:
    """Fingerprint of the repository (package and previous site included) and its sibling."""
    return digest(space.base)


# --- Output folders: build and release never replace what they did not create ---------------

OUTPUT_CASES = [
    # (name, command, folder, how to prepare it, expected words)
    ("site-is-repository", "build", ".", None, "is the repository"),
    ("site-is-package", "build", "datapackage", None, "is the data package"),
    ("site-is-docs", "build", "docs", None, "is the docs folder"),
    ("site-is-a-file", "build", "README.md", None, "is a file"),
    ("site-is-ancestor", "build", "..", None, "contains the repository"),
    ("site-inside-package", "build", "datapackage/site", None, "lies inside the data package"),
    ("site-inside-git", "build", ".git/site", None, "lies inside the repository's .git"),
    ("site-not-ours", "build", "mine", "user-folder", "is not empty and was not made"),
    ("site-is-symlink", "build", "linked", "symlink", "is a symbolic link"),
    ("release-is-repository", "release", ".", None, "is the repository"),
    ("release-is-package", "release", "datapackage", None, "is the data package"),
    ("release-not-ours", "release", "mine", "user-folder", "is not empty and was not made"),
    ("release-into-a-site", "release", "site", None, "is not empty and was not made"),
]


@pytest.mark.parametrize(("name", "command", "folder", "prepare", "says"), OUTPUT_CASES,
                         ids=[c[0] for c in OUTPUT_CASES])
def test_output_folder_not_ours_is_refused(
        name: str, command: str, folder: str, prepare: str | None, says: str,
        space: Workspace, no_network: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """An output folder that is protected, a file, a link or someone else's is refused."""
    if prepare == "user-folder":
        (space.repo / folder).mkdir()
        (space.repo / folder / "thesis.tex").write_text("years of work\n", encoding="utf-8")
    elif prepare == "symlink":
        (space.repo / folder).symlink_to(space.outside)
    before = everything(space)
    option = "--site-dir" if command == "build" else "--out"
    code, text = run(capsys, command, "--package", "datapackage", option, folder)
    assert code == 1, text
    assert says in text, text
    assert everything(space) == before
    assert no_network == []


def test_release_replaces_only_its_own_folder(
        space: Workspace, no_network: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """A release goes into a new folder, then replaces it whole; nothing beside it changes."""
    (space.repo / "notes.txt").write_text("mine\n", encoding="utf-8")
    code, text = run(capsys, "release", "--package", "datapackage", "--out", "dist")
    assert code == 0, text
    first = digest(space.repo / "dist")
    assert (space.repo / "dist" / MARKER).read_text(encoding="utf-8") == "release\n"
    before = digest(space.base, skip=("dist",))
    code, text = run(capsys, "release", "--package", "datapackage", "--out", "dist")
    assert code == 0, text
    assert digest(space.repo / "dist") == first
    assert digest(space.base, skip=("dist",)) == before
    assert sorted(p.name for p in space.repo.iterdir() if p.name.startswith(".dist")) == [
        ".dist.lock"]


def test_force_replaces_a_foreign_release_folder(
        space: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    """--force is the one way to replace a non-empty folder the command did not make."""
    (space.repo / "mine").mkdir()
    (space.repo / "mine" / "old.txt").write_text("old\n", encoding="utf-8")
    code, text = run(capsys, "release", "--package", "datapackage", "--out", "mine", "--force")
    assert code == 0, text
    assert not (space.repo / "mine" / "old.txt").exists()
    assert (space.repo / "mine" / "SHA256SUMS").is_file()


def test_concurrent_build_fails_cleanly(
        space: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    """While another command holds the site's lock, a build stops with a sentence."""
    before = everything(space)
    with output_lock(space.repo / "site"):
        code, text = run(capsys, "build", "--package", "datapackage")
    assert code == 1
    assert "Another command is writing" in text
    assert everything(space) == before


def test_failed_swap_keeps_the_site_and_cleans_up(
        space: Workspace, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A site folder that cannot be swapped (read-only, busy mount) is an error, no traceback."""
    def read_only(first: Path, second: Path) -> bool:
        raise OSError(30, "Read-only file system", str(second))

    monkeypatch.setattr(outputs, "_exchange", read_only)
    before = everything(space)
    code, text = run(capsys, "build", "--package", "datapackage")
    assert code == 1
    assert "Cannot put the new site in place" in text and "Read-only file system" in text
    assert everything(space) == before


def test_killed_build_leaves_the_site_and_next_build_cleans(space: Workspace) -> None:
    """SIGKILL in the middle of a build leaves the previous site; the next build removes the
    killed build's staging folder and publishes a new site."""
    before = digest(space.repo / "site")
    command = [sys.executable, "-m", "build_scripts", "build", "--package", "datapackage"]
    process = subprocess.Popen(command, cwd=space.repo, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(space.repo.glob(".site.staging-*")):
        time.sleep(0.05)
    staging = list(space.repo.glob(".site.staging-*"))
    assert staging, "the build never created its staging folder"
    time.sleep(1.0)  # well inside mkdocs' work
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert digest(space.repo / "site") == before
    done = subprocess.run(command, cwd=space.repo, capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert list(space.repo.glob(".site.staging-*")) == []
    assert (space.repo / "site" / "index.html").read_text(encoding="utf-8") != (
        "<p>the last good site</p>\n")


# --- Hostile packages: refused by validate, build and release alike -------------------------

def _intro(path: str) -> Callable[[Workspace], None]:
    def change(space: Workspace) -> None:
        space.edit_descriptor(lambda d: d.update({"x-intro": path}))
    return change


def _intro_link(target: str) -> Callable[[Workspace], None]:
    def change(space: Workspace) -> None:
        (space.package / "intro.md").unlink()
        (space.package / "intro.md").symlink_to(
            target.replace("OUTSIDE", str(space.outside)))
    return change


def _intro_fifo(space: Workspace) -> None:
    (space.package / "intro.md").unlink()
    os.mkfifo(space.package / "intro.md")


def _csv_link(space: Workspace) -> None:
    space.csv_path("places").unlink()
    space.csv_path("places").symlink_to(space.outside / "places.csv")


def _set(key: str, value: Any) -> Callable[[Workspace], None]:
    def change(space: Workspace) -> None:
        space.edit_descriptor(lambda d: d.update({key: value}))
    return change


def _resource(key: str, value: Any, index: int = 2) -> Callable[[Workspace], None]:
    def change(space: Workspace) -> None:
        def edit(d: dict[str, Any]) -> None:
            d["resources"][index][key] = value
        space.edit_descriptor(edit)
    return change


def _semicolons(space: Workspace) -> None:
    space.write_records("places", space.records("places"), delimiter=";")


def _label(table: str, old: str, new: str) -> Callable[[Workspace], None]:
    def change(space: Workspace) -> None:
        records = space.records(table)
        records[0][records[0].index(old)] = new
        space.write_records(table, records)
    return change


def _cell(table: str, row: int, column: str, value: str) -> Callable[[Workspace], None]:
    def change(space: Workspace) -> None:
        space.set_cell(table, row, column, value)
    return change


def _blank_rows(space: Workspace) -> None:
    path = space.csv_path("places")
    path.write_text(path.read_text(encoding="utf-8") + ",,,,,,,,,\n,,,,,,,,,\n\n",
                    encoding="utf-8")


def _nested(depth: int) -> Callable[[Workspace], None]:
    def change(space: Workspace) -> None:
        (space.package / "datapackage.json").write_text(nested(depth), encoding="utf-8")
    return change


def _duplicate_names(space: Workspace) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["resources"][3]["name"] = d["resources"][2]["name"]
    space.edit_descriptor(edit)


PACKAGE_CASES: list[tuple[str, Callable[[Workspace], None], str, str]] = [
    # (name, mutation, problem type, words of the message)
    ("intro-absolute", _intro("/etc/passwd"), "unsafe-path", "leaves the package folder"),
    ("intro-dotdot", _intro("../../outside/secret.md"), "unsafe-path",
     "leaves the package folder"),
    ("intro-symlink-out", _intro_link("OUTSIDE/secret.md"), "unsafe-path",
     "is a link to a file outside"),
    ("intro-dev-zero", _intro_link("/dev/zero"), "unsafe-path", "is a link to a file outside"),
    ("intro-fifo", _intro_fifo, "unsafe-path", "is not a regular file"),
    ("intro-folder", _intro("data"), "unsafe-path", "is not a regular file"),
    ("csv-symlink-out", _csv_link, "unsafe-path", "is a link to a file outside"),
    ("package-name-dotdot", _set("name", "../../evil"), "unsafe-name",
     "cannot be used as a file name"),
    ("version-dotdot", _set("version", "../../../evil"), "unsafe-name",
     "cannot be used as a file name"),
    ("resource-name-dotdot", _resource("name", "../evil"), "unsafe-name",
     "cannot be used as a file name"),
    ("resource-path-url", _resource("path", "https://example.org/x.csv"), "remote-reference",
     "never goes on the network"),
    ("resource-path-file-url", _resource("path", "file:///etc/passwd"), "remote-reference",
     "never goes on the network"),
    ("package-profile-url", _set("profile", "https://example.org/profile.json"),
     "remote-reference", "never goes on the network"),
    ("resource-profile-url", _resource("profile", "https://example.org/p.json"),
     "remote-reference", "never goes on the network"),
    ("dialect-url", _resource("dialect", "https://example.org/dialect.json"),
     "remote-reference", "never goes on the network"),
    ("schema-url", _resource("schema", "https://example.org/schema.json"),
     "remote-reference", "read only from datapackage.json"),
    ("dialect-semicolon", _resource("dialect", {"delimiter": ";"}), "unsupported-dialect",
     "changes delimiter"),
    ("csv-semicolons", _semicolons, "wrong-delimiter", "separates its cells with ';'"),
    ("label-trailing-space", _label("places", "notes", "notes "), "incorrect-label",
     "has spaces around it"),
    ("label-zero-width", _label("places", "name", "name\u200b"), "incorrect-label",
     "'name\\u200b', holds invisible characters"),
    ("label-case", _label("places", "name", "Name"), "incorrect-label",
     "differs in upper and lower case"),
    ("boolean-upper", _cell("sources", 2, "title_from_url", "TRUE"), "type-error",
     "'TRUE' is not a valid boolean"),
    ("boolean-title", _cell("sources", 2, "title_from_url", "True"), "type-error",
     "'True' is not a valid boolean"),
    ("boolean-one", _cell("sources", 2, "title_from_url", "1"), "type-error",
     "'1' is not a valid boolean"),
    ("blank-rows-at-end", _blank_rows, "blank-row", "The row is empty"),
    ("empty-id", _cell("places", 3, "place_id", ""), "required-cell", "is required"),
    ("descriptor-nested-deep", _nested(200), "package-error", "nested more than 64"),
    ("descriptor-nested-deeper", _nested(200_000), "package-error", "nested too deeply"),
    ("formula-dash", _cell("places", 2, "notes", "-2+3+cmd|' /C calc'!A0"),
     "formula-like-cell", "starts with '-'"),
    ("terminal-escape", _cell("actors", 2, "actor_type", "person\x1b[2J\x1b]0;pwned\x07"),
     "constraint-error", "'person\\u001b[2J\\u001b]0;pwned\\u0007' is not one of"),
    ("duplicate-resource-names", _duplicate_names, "package-error",
     "names of the resources are not unique"),
]


@pytest.mark.parametrize(("name", "mutate", "kind", "says"), PACKAGE_CASES,
                         ids=[c[0] for c in PACKAGE_CASES])
def test_hostile_package_is_refused_everywhere(
        name: str, mutate: Callable[[Workspace], None], kind: str, says: str,
        space: Workspace, no_network: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """validate reports the problem by type and in words; build and release refuse the
    package; nothing is written, read from outside or fetched."""
    mutate(space)
    before = everything(space)
    code, text = run(capsys, "validate", "--package", "datapackage", "--format", "json")
    assert code == 1, text
    problems = json.loads(text)["problems"]
    assert any(p["type"] == kind for p in problems), problems
    code, text = run(capsys, "validate", "--package", "datapackage")
    assert code == 1
    assert says in text, text
    assert SECRET.strip() not in text
    assert "\x1b" not in text and "\u200b" not in text, "control characters printed raw"
    assert "duplicate-key" not in text, "an empty or blank key is not a duplicate"
    for command in (["build"], ["release", "--out", "dist"]):
        code, text = run(capsys, *command, "--package", "datapackage")
        assert code == 1, text
        assert "the package is invalid" in text, text
    assert everything(space) == before
    assert no_network == []


def test_fifo_intro_does_not_hang(space: Workspace) -> None:
    """A named pipe as x-intro is refused at once by a real process (no read, no hang)."""
    _intro_fifo(space)
    done = subprocess.run([sys.executable, "-m", "build_scripts", "validate", "--package",
                           "datapackage"], cwd=space.repo, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 1
    assert "is not a regular file" in done.stdout


def test_bom_and_crlf_are_read_like_plain_csv(
        space: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    """A CSV saved with a byte-order mark and CRLF line ends validates and releases the same
    rows, byte for byte, as the plain file (one reader for every stage)."""
    code, text = run(capsys, "release", "--package", "datapackage", "--out", "plain")
    assert code == 0, text
    for path in (space.package / "data").glob("*.csv"):
        text_crlf = path.read_text(encoding="utf-8").replace("\n", "\r\n")
        path.write_bytes(b"\xef\xbb\xbf" + text_crlf.encode("utf-8"))
    (space.package / "releases").rename(space.base / "snapshots")  # same version again
    code, text = run(capsys, "validate", "--package", "datapackage")
    assert code == 0, text
    code, text = run(capsys, "release", "--package", "datapackage", "--out", "windows")
    assert code == 0, text
    for name in ("places.csv", "sources.json", "SHA256SUMS"):
        assert (space.repo / "windows" / name).read_bytes() == (
            space.repo / "plain" / name).read_bytes(), name


# --- Descriptor text is escaped where it is rendered ---------------------------------------

HOSTILE_TITLE = "A title ```\n</code></pre><script>alert('title')</script>\n```"
HOSTILE_CODE = "odd`<img src=x onerror=alert('code')>`"
QUOTED_FIELD = 'no"tes'


def _hostile_descriptor(space: Workspace) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["title"] = HOSTILE_TITLE
        d["description"] = "<script>alert('description')</script>"
        places = next(r for r in d["resources"] if r["name"] == "places")
        for field in places["schema"]["fields"]:
            if field["name"] == "notes":
                field["name"] = QUOTED_FIELD
            if field["name"] == "coordinate_precision":
                field["constraints"]["enum"].append(HOSTILE_CODE)
                field.setdefault("enumDescriptions", {})[HOSTILE_CODE] = "a hostile code"
    space.edit_descriptor(edit)
    _label("places", "notes", QUOTED_FIELD)(space)


def test_descriptor_text_is_escaped_in_site_and_release(
        space: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    """Markup in the title, the description and an enum code stays text on every page; a field
    name holding a quote is a quoted SQL identifier in the release database."""
    _hostile_descriptor(space)
    code, text = run(capsys, "build", "--package", "datapackage")
    assert code == 0, text
    pages = {path: path.read_text(encoding="utf-8")
             for path in (space.repo / "site").rglob("*.html")}
    assert pages
    for path, html in pages.items():
        assert "<script>alert(" not in html, path
        assert "<img src=x onerror" not in html, path
    codebook = pages[space.repo / "site" / "codebook" / "index.html"]
    assert "&lt;img src=x onerror" in codebook or "&#60;img src=x onerror" in codebook
    code, text = run(capsys, "release", "--package", "datapackage", "--out", "dist")
    assert code == 0, text
    database = next((space.repo / "dist").glob("*.sqlite"))
    with sqlite3.connect(database) as db:
        columns = [row[1] for row in db.execute('PRAGMA table_info("places")')]
        assert QUOTED_FIELD in columns
        assert db.execute('SELECT count("no""tes") FROM places').fetchone()[0] >= 0


def test_network_guard_catches_a_lookup(no_network: list[str]) -> None:
    """The guard used above does see a network attempt (so its silence means something)."""
    with pytest.raises(OSError):
        socket.getaddrinfo("example.org", 443)
    assert no_network


def test_publish_exchanges_in_one_call(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Replacing a site is one atomic exchange: no rename ever leaves the target missing."""
    target, staging = tmp_path / "site", tmp_path / ".site.staging-1"
    for folder, text in ((target, "old"), (staging, "new")):
        folder.mkdir()
        (folder / "index.html").write_text(text, encoding="utf-8")
        outputs.mark(folder, "site")

    def no_rename(self: Path, other: Path) -> Path:
        raise AssertionError(f"{self} renamed: the target would be missing for a moment")

    monkeypatch.setattr(Path, "rename", no_rename)
    outputs.publish(staging, target, "site")
    assert (target / "index.html").read_text(encoding="utf-8") == "new"
    assert not staging.exists()
