"""Fixtures for the browser tests: the built site, a local HTTP server for it, one Chrome session.

The site folder comes from the environment variable WAYMARK_SITE (run.sh sets it). Pages are
discovered at collection time so every test is parametrized by page and its id names the page.
"""
from __future__ import annotations

import functools
import http.server
import json
import os
import re
import threading
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pytest

# A path that exists nowhere in a site: 404.html is loaded through it, as a host would serve it, at
# a depth of two folders so relative URLs that only work at the root show up as broken.
MISSING_PATH = "/waymark-missing-page/deeper/"
REDIRECT_RE = re.compile(r"""<meta[^>]+http-equiv\s*=\s*["']?refresh""", re.IGNORECASE)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@dataclass(frozen=True)
class Page:
    file: Path  # the HTML file, absolute
    url_path: str  # the path the browser loads: "/", "/news/", or MISSING_PATH for 404.html

    @property
    def id(self) -> str:
        return "404.html" if self.url_path == MISSING_PATH else self.url_path


def site_dir() -> Path:
    value = os.environ.get("WAYMARK_SITE")
    if not value:
        raise pytest.UsageError("WAYMARK_SITE is not set: run Tests/browser/run.sh SITE_DIR")
    site = Path(value).resolve()
    if not (site / "index.html").is_file():
        raise pytest.UsageError(f"WAYMARK_SITE={site} has no index.html: build the site first")
    return site


def discover_pages(site: Path) -> list[Page]:
    """Every index.html as its pretty URL, plus 404.html; redirect pages are left out."""
    pages = []
    for f in sorted(site.rglob("index.html")):
        if REDIRECT_RE.search(f.read_text(encoding="utf-8", errors="replace")):
            continue
        rel = f.parent.relative_to(site).as_posix()
        pages.append(Page(f, "/" if rel == "." else f"/{rel}/"))
    if (site / "404.html").is_file():
        pages.append(Page(site / "404.html", MISSING_PATH))
    return pages


def pytest_generate_tests(metafunc):
    if "page" in metafunc.fixturenames:
        pages = discover_pages(site_dir())
        if not pages:  # an empty parameter set would only be skipped: fail instead
            raise pytest.UsageError(f"no HTML pages found in {site_dir()}")
        metafunc.parametrize("page", pages, ids=[p.id for p in pages])


@pytest.fixture(scope="session")
def site() -> Path:
    return site_dir()


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files; /dir/ → dir/index.html (built in); missing paths get 404.html with status 404."""

    def send_error(self, code, message=None, explain=None):
        page_404 = Path(self.directory) / "404.html"
        if code != 404 or not page_404.is_file():
            return super().send_error(code, message, explain)
        body = page_404.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")  # every load is cold, every request is seen
        super().end_headers()

    def log_message(self, *args):  # keep pytest's output readable
        pass


@pytest.fixture(scope="session")
def server(site):
    """Base URL (http://127.0.0.1:PORT) of a server for the site on a free port."""
    handler = functools.partial(_Handler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def driver():
    """One headless Chromium for the whole run, using Debian's binaries (no Selenium Manager)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1024", "--no-first-run", "--disable-extensions",
                # Chromium's own background traffic is not the page's; keep it out of the way.
                "--disable-background-networking", "--disable-component-update"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    drv = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    drv.set_page_load_timeout(30)
    drv.set_script_timeout(60)
    yield drv
    drv.quit()


@dataclass
class Visit:
    """What one load of a page showed: axe's result and everything the page requested or stored."""
    axe: dict | None = None
    axe_error: str | None = None
    requested: set[str] = field(default_factory=set)
    cookie: str = ""
    cookies: list = field(default_factory=list)
    local_storage: int = 0
    session_storage: int = 0


AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(r => done({violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary}))}))}))
  .catch(e => done({error: String(e && e.stack || e)}));
"""

RESOURCES = """
return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
  .map(e => e.name);
"""


@pytest.fixture(scope="session")
def visit(driver, server):
    """visit(page) loads the page once (later calls reuse the result) and returns a Visit."""
    axe_js = (resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
    cache: dict[Page, Visit] = {}

    def load(page: Page) -> Visit:
        if page in cache:
            return cache[page]
        # Start clean: no cookies or storage left by the previous page, no old log entries.
        driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
        if driver.current_url.startswith(server):
            driver.execute_script("localStorage.clear(); sessionStorage.clear();")
        driver.get_log("performance")
        driver.get(server + page.url_path)
        v = Visit()
        try:
            driver.execute_script(axe_js)
            result = driver.execute_async_script(AXE_RUN, AXE_TAGS)
            if "error" in result:
                v.axe_error = result["error"]
            else:
                v.axe = result
        except Exception as e:  # report it in the axe test; the network test still runs
            v.axe_error = f"{type(e).__name__}: {e}"
        # Read the network after axe has run, which also gives late requests time to show.
        time.sleep(0.2)
        v.requested.update(driver.execute_script(RESOURCES))
        for entry in driver.get_log("performance"):
            msg = json.loads(entry["message"])["message"]
            if msg["method"] == "Network.requestWillBeSent":
                v.requested.add(msg["params"]["request"]["url"])
            elif msg["method"] == "Network.webSocketCreated":
                v.requested.add(msg["params"]["url"])
        v.cookie = driver.execute_script("return document.cookie")
        v.cookies = driver.get_cookies()
        v.local_storage = driver.execute_script("return localStorage.length")
        v.session_storage = driver.execute_script("return sessionStorage.length")
        cache[page] = v
        return v

    return load
