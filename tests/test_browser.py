"""What only a browser can show: requests, console errors, search, networks, tooltips.

Runs Debian's Chromium through Playwright (never a downloaded browser); skips with a reason
when /usr/bin/chromium is missing (tests/run_all.sh installs it where it can).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, VALID, set_cell

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]

if not CHROMIUM.exists() and os.environ.get("REQUIRE_BROWSER"):
    raise RuntimeError("REQUIRE_BROWSER is set but /usr/bin/chromium is missing: "
                       "apt-get install chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="Debian's chromium is not installed (/usr/bin/chromium)")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``site`` on 127.0.0.1 at a free port; return the server and its base URL."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def hostile_quote_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site with a quote and a name that try to break out of the script."""
    from build_scripts.pipeline import build_site

    root = tmp_path_factory.mktemp("browser-hostile")
    package = root / "package"
    shutil.copytree(VALID, package)
    set_cell(package, "statements", 2, "quote",
             "</script><script>window.pwned=1</script> Gates opened without warning")
    set_cell(package, "actors", 2, "name", "Jane <img src=x onerror=window.pwned=2> Mayor")
    site = root / "site"
    build_site(package, site, ROOT / "mkdocs.yml")
    return site


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """A headless Debian Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield instance
        instance.close()


PAGES = ["", "timeline/", "claims/", "casualties/", "actors/jane-mayor/",
         "statements/2030-03-03-mayor-blames-dam/", "networks/", "networks/accusations.html",
         "data/"]


def _watch(page: object, path: str, base: str, problems: list[str]) -> None:
    """Record console errors, page errors, failed or off-site requests of ``page``."""
    def on_console(message: object) -> None:
        if message.type == "error":  # type: ignore[attr-defined]
            problems.append(f"{path}: console {message.text}")  # type: ignore[attr-defined]

    def on_request(request: object) -> None:
        url = request.url  # type: ignore[attr-defined]
        if not url.startswith(base) and not url.startswith("data:"):
            problems.append(f"{path}: off-site request {url}")

    def on_failed(request: object) -> None:
        # A request aborted because the test closes the page (a lazy frame still loading)
        # is not a failure of the site; any answer of 400 or more is (see on_response).
        if request.failure != "net::ERR_ABORTED":  # type: ignore[attr-defined]
            problems.append(f"{path}: failed {request.url}")  # type: ignore[attr-defined]

    def on_response(response: object) -> None:
        if response.status >= 400:  # type: ignore[attr-defined]
            problems.append(f"{path}: HTTP {response.status} {response.url}")  # type: ignore[attr-defined]

    page.on("console", on_console)  # type: ignore[attr-defined]
    page.on("request", on_request)  # type: ignore[attr-defined]
    page.on("requestfailed", on_failed)  # type: ignore[attr-defined]
    page.on("response", on_response)  # type: ignore[attr-defined]
    page.on("pageerror", lambda error: problems.append(f"{path}: error {error}"))  # type: ignore[attr-defined]


def test_pages_load_locally_without_errors(browser: object, fixture_site: Path) -> None:
    """Each page loads with no console error, no failed request, no request off 127.0.0.1;
    desktop and phone-width (390 px) screenshots are saved in test-artifacts/."""
    server, base = serve(fixture_site)
    ARTIFACTS.mkdir(exist_ok=True)
    problems: list[str] = []
    try:
        for path in PAGES:
            for width, label in ((1280, "desktop"), (390, "phone")):
                page = browser.new_page(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
                _watch(page, path, base, problems)
                page.goto(base + path, wait_until="networkidle")
                name = path.strip("/").replace("/", "_") or "home"
                page.screenshot(path=str(ARTIFACTS / f"{name}-{label}.png"))
                page.close()
    finally:
        server.shutdown()
        server.server_close()
    assert problems == []


def test_search_finds_actor_by_name_and_by_quote_word(browser: object, fixture_site: Path) -> None:
    """The search box finds an actor by its name and a statement by a word of its quote."""
    server, base = serve(fixture_site)
    try:
        page = browser.new_page()  # type: ignore[attr-defined]
        page.goto(base, wait_until="networkidle")
        for query, expected in (("Dam Company", "Dam Company"), ("prévenu", "prévenu")):
            page.click("label.md-search__icon, .md-search__input", timeout=5000)
            # Material listens to key events: type the query as a reader would.
            page.locator("input.md-search__input").press_sequentially(query, delay=30)
            page.wait_for_selector(".md-search-result__item", timeout=10000)
            text = page.inner_text(".md-search-result")
            assert expected.lower() in text.lower(), (query, text[:300])
            page.fill("input.md-search__input", "")
        page.close()
    finally:
        server.shutdown()
        server.server_close()


def test_network_draws_and_tooltip_shows_escaped_text(
        browser: object, hostile_quote_site: Path) -> None:
    """The canvas draws nodes; a tooltip shows hostile markup as text and runs nothing."""
    server, base = serve(hostile_quote_site)
    try:
        page = browser.new_page(viewport={"width": 1000, "height": 800})  # type: ignore[attr-defined]
        page.goto(base + "networks/accusations.html", wait_until="networkidle")
        assert page.evaluate("nodes.length") >= 2
        assert page.evaluate("document.querySelector('canvas').width") > 0
        point = page.evaluate(
            "(() => { const p = network.getPositions(['jane-mayor'])['jane-mayor'];"
            " return network.canvasToDOM(p); })()")
        page.mouse.move(point["x"], point["y"])
        page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
        tooltip = page.inner_text("div.vis-tooltip")
        assert "<img src=x onerror=window.pwned=2>" in tooltip
        assert page.evaluate("document.querySelectorAll('div.vis-tooltip img').length") == 0
        assert page.evaluate("window.pwned === undefined")
        # The quote with a closing script tag reached the edge tooltips intact, as text.
        assert page.evaluate("edges.get().some(e => e.title.includes("
                             "'</script><script>window.pwned=1</script>'))")
        page.close()
    finally:
        server.shutdown()
        server.server_close()


A11Y_PAGES = ["", "timeline/", "claims/", "casualties/", "actors/gerald-darmanin/",
              "statements/2024-05-16-darmanin-azerbaijan-deal/", "networks/", "data/",
              "codebook/"]


def test_no_serious_accessibility_violation(browser: object, bundled_site: Path) -> None:
    """axe-core finds no serious or critical violation on the main pages of the real site."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    server, base = serve(bundled_site)
    found = {}
    try:
        for path in A11Y_PAGES:
            page = browser.new_page()  # type: ignore[attr-defined]
            page.goto(base + path, wait_until="networkidle")
            violations = axe.run(page).response["violations"]
            serious = [(v["id"], len(v["nodes"])) for v in violations
                       if v["impact"] in ("serious", "critical")]
            if serious:
                found[path] = serious
            page.close()
    finally:
        server.shutdown()
        server.server_close()
    assert found == {}
