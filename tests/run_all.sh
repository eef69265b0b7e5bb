#!/usr/bin/env bash
# The one test command (README, CI): set up a virtual environment, then lint, type-check,
# validate the bundled data package and run every test (which build the site strictly).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
# Browser tests use Debian's Chromium (never a downloaded browser); install it where we can.
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check -e '.[dev]'
"$VENV/bin/ruff" check build_scripts tests benchmarks
"$VENV/bin/mypy"
"$VENV/bin/python" -m build_scripts validate
"$VENV/bin/python" -m pytest "$@"
