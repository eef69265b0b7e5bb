#!/usr/bin/env bash
# The one test command (README, CI): set up a virtual environment, then lint, type-check,
# validate the bundled data package and run every test (which build the site strictly).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
# Browser tests use Debian's Chromium (never a downloaded browser). It is installed with
# apt-get as root, or through passwordless sudo (as on GitHub's runners); otherwise install it
# yourself (apt-get install chromium) or the browser tests skip (they fail under
# REQUIRE_BROWSER=1, as in CI).
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    SUDO=""
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO="sudo"
  else
    SUDO="none"
  fi
  if [ "$SUDO" != none ]; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  fi
fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
"$VENV/bin/ruff" check build_scripts tests benchmarks
"$VENV/bin/mypy"
"$VENV/bin/python" -m build_scripts validate
"$VENV/bin/python" -m pytest "$@"
