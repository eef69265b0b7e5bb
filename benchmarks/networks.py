"""Network pages at 50, 500 and 2,000 nodes: generation time, page weight, first render.

    python benchmarks/networks.py [--sizes 50 500 2000] [--out benchmarks/networks.md]

Time to first render is measured in Debian's headless Chromium: from navigation start to
vis-network's first `afterDrawing` event (positions are precomputed and physics is off).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import random
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_scripts.site.network_render import render_network  # noqa: E402
from build_scripts.site.networks import Edge, Graph, Node, layout  # noqa: E402

VIS = ROOT / "docs" / "assets" / "vendor" / "vis-network" / "vis-network.min.js"
EDGES_PER_NODE = 2.5  # about the density of the bundled accusation network (129 / 59)


def synthetic_graph(nodes: int, seed: int = 1) -> Graph:
    """A random graph of ``nodes`` actors and about 2.5 edges per actor."""
    rng = random.Random(seed)
    ids = [f"actor-{i:05d}" for i in range(nodes)]
    graph = Graph("bench", f"Benchmark graph of {nodes} nodes",
                  [Node(i, f"Actor {i[-5:]}", "person", f"Actor {i}: a role") for i in ids])
    for k in range(int(nodes * EDGES_PER_NODE)):
        a, b = rng.sample(ids, 2)
        graph.edges.append(Edge(a, b, "accuses", "2030-01-01", f"Statement {k}: words",
                                f"statements/s-{k}.md", "#D55E00"))
    return graph


def first_render_ms(html_dir: Path, name: str) -> float:
    """Milliseconds from navigation start to the first drawing, in headless Chromium."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(html_dir))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--headless", "--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            page.add_init_script("window.__drawn = new Promise(r => window.__resolveDrawn = r);")
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/{name}")
            page.evaluate("network.once('afterDrawing', () => window.__resolveDrawn("
                          "performance.now())); network.redraw();")
            drawn = page.evaluate("window.__drawn")
            browser.close()
            return float(drawn)
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    """Measure every size and write the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "networks.md")
    args = parser.parse_args()
    lines = ["| nodes | edges | layout s | render (pyvis + template) s | HTML KB | "
             "page weight with vis-network KB | first render in Chromium ms |",
             "|---|---|---|---|---|---|---|"]
    for size in args.sizes:
        graph = synthetic_graph(size)
        started = time.perf_counter()
        graph = layout(graph)
        laid = time.perf_counter() - started
        started = time.perf_counter()
        html = render_network(graph, "networks/bench.html")
        rendered = time.perf_counter() - started
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp)
            (site / "networks").mkdir()
            (site / "networks" / "bench.html").write_text(html, encoding="utf-8")
            (site / "assets" / "vendor" / "vis-network").mkdir(parents=True)
            shutil.copy(VIS, site / "assets" / "vendor" / "vis-network" / VIS.name)
            ms = first_render_ms(site, "networks/bench.html")
        kb = len(html.encode()) / 1024
        lines.append(f"| {size:,} | {len(graph.edges):,} | {laid:.2f} | {rendered:.2f} | "
                     f"{kb:.0f} | {kb + VIS.stat().st_size / 1024:.0f} | {ms:.0f} |")
        print(lines[-1], file=sys.stderr)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
