"""Run one pipeline stage in this process and print its wall time and peak memory as JSON.

    python benchmarks/stage.py STAGE PACKAGE WORK_DIR

STAGE is validate, frictionless, generate, build, bare-mkdocs or release. Each stage runs in
a fresh process (run.py starts one per measurement) so peak RSS belongs to that stage alone.
"""

from __future__ import annotations

import json
import re
import resource
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _bare_mkdocs(package: Path, work: Path) -> None:
    """mkdocs build of the already generated Markdown, without our hook: the tools' floor."""
    import subprocess

    from build_scripts.load.package import load_package
    from build_scripts.site.generate import generate_files

    docs = work / "bare-docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(ROOT / "docs", docs)
    for path, content in generate_files(load_package(package)).items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    (docs / "contributing.md").write_text((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"),
                                          encoding="utf-8")
    config_text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config_text = config_text.replace("hooks:\n  - build_scripts/mkdocs_hook.py\n", "")
    # The watch list names folders relative to the real mkdocs.yml; it means nothing here.
    config_text = re.sub(r"\nwatch:\n(?:  - .*\n)+", "\n", config_text)
    config_text = config_text.replace("docs_dir: docs", f"docs_dir: {docs}")
    config_text = config_text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    (work / "bare.yml").write_text(config_text, encoding="utf-8")
    started = time.perf_counter()  # a whole `mkdocs build` process, as a user would run it
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(work / "bare.yml"),
                    "-d", str(work / "bare-site")], check=True)
    print(json.dumps({"mkdocs_only_seconds": round(time.perf_counter() - started, 2)}),
          file=sys.stderr)


def run(stage: str, package: Path, work: Path) -> None:
    """Run ``stage`` once."""
    if stage == "validate":
        from build_scripts.validate.report import validate_package

        assert validate_package(package).valid
    elif stage == "frictionless":
        import frictionless

        assert frictionless.Package(str(package / "datapackage.json")).validate().valid
    elif stage == "generate":
        from build_scripts.load.package import load_package
        from build_scripts.site.generate import generate_files

        generate_files(load_package(package))
    elif stage == "build":
        from build_scripts.cli import main

        assert main(["build", "--package", str(package), "--site-dir", str(work / "site"),
                     "--config", str(ROOT / "mkdocs.yml")]) == 0
    elif stage == "bare-mkdocs":
        _bare_mkdocs(package, work)
    elif stage == "release":
        from build_scripts.load.package import load_package
        from build_scripts.release.artefacts import release_files

        release_files(load_package(package))
    else:
        raise SystemExit(f"unknown stage {stage}")


if __name__ == "__main__":
    stage, package, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    started = time.perf_counter()
    run(stage, package, work)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # ru_maxrss is in KiB
    print(json.dumps({"stage": stage, "seconds": round(seconds, 2), "peak_mb": round(peak_mb)}))
