"""Whatever the bytes: validation returns problems, never raises (property-based tests).

Hypothesis writes arbitrary bytes into a CSV file and arbitrary JSON values into the
descriptor of a copy of the fixture; validation must return a report (no exception) and,
when the input is not the original, say what is wrong with a file named.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts.validate.report import validate_package
from tests.conftest import VALID

SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                    | st.text(max_size=30),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=20)


def _copy() -> Path:
    folder = Path(tempfile.mkdtemp()) / "package"
    shutil.copytree(VALID, folder)
    return folder


@SETTINGS
@given(data=st.binary(max_size=600), table=st.sampled_from(["places", "actors", "evidence"]))
def test_any_bytes_in_a_csv_give_a_report(data: bytes, table: str) -> None:
    """Random bytes as a table: a report naming that file (or nothing, if valid)."""
    package = _copy()
    try:
        (package / "data" / f"{table}.csv").write_bytes(data)
        report = validate_package(package)
        assert report.valid or any(p.file in (f"data/{table}.csv", "datapackage.json")
                                   or p.file.startswith("data/") for p in report.problems)
    finally:
        shutil.rmtree(package.parent)


@SETTINGS
@given(key=st.sampled_from(["name", "version", "profile", "x-intro", "resources",
                            "licenses", "contributors", "title"]), value=JSON)
def test_any_value_in_the_descriptor_gives_a_report(key: str, value: Any) -> None:
    """A random JSON value for a top-level descriptor key: a report, never an exception."""
    package = _copy()
    try:
        path = package / "datapackage.json"
        descriptor = json.loads(path.read_text(encoding="utf-8"))
        descriptor[key] = value
        path.write_text(json.dumps(descriptor), encoding="utf-8")
        validate_package(package)
    finally:
        shutil.rmtree(package.parent)


@SETTINGS
@given(field=st.sampled_from(["name", "path", "schema", "dialect", "encoding", "profile"]),
       value=JSON, index=st.integers(min_value=0, max_value=11))
def test_any_value_in_a_resource_gives_a_report(field: str, value: Any, index: int) -> None:
    """A random JSON value for a resource property: a report, never an exception."""
    package = _copy()
    try:
        path = package / "datapackage.json"
        descriptor = json.loads(path.read_text(encoding="utf-8"))
        descriptor["resources"][index][field] = value
        path.write_text(json.dumps(descriptor), encoding="utf-8")
        validate_package(package)  # an exception fails the test
    finally:
        shutil.rmtree(package.parent)
