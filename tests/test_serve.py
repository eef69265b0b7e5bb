"""`mkdocs serve` as a contributor uses it: while the data is invalid, the browser shows why."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.conftest import ROOT, VALID, set_cell


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_shows_the_validator_report_while_data_is_invalid(tmp_path: Path) -> None:
    """With a broken cell, the served home page lists the problem (file, row, column) instead
    of hanging or failing."""
    package = tmp_path / "package"
    shutil.copytree(VALID, package)
    set_cell(package, "statements", 3, "kind", "nonsense")
    port = _free_port()
    env = {**os.environ, "DATA_PACKAGE": str(package)}
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        page, deadline = "", time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as reply:
                    page = reply.read().decode("utf-8")
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        assert process.poll() is None, "mkdocs serve stopped"
        assert "The data package is invalid" in page
        assert "data/statements.csv, row 3, column &#39;kind&#39;" in page or (
            "data/statements.csv, row 3, column 'kind'" in page)
        assert "nonsense" in page
    finally:
        process.terminate()
        process.communicate(timeout=30)  # also closes the pipe
