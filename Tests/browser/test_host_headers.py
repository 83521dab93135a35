"""The response headers the build's `_headers` file asks Netlify and Cloudflare Pages to send
(docs/PUBLISHING.md), checked in Chromium: served with them, one page of every layout (and the
search, with a query, and the 404 page) loads every file it asks for, runs its script, is
cross-origin isolated (so Cross-Origin-Embedder-Policy and -Opener-Policy took effect without
blocking anything), and leaves nothing in the console: no blocked file, no Content-Security-Policy
violation, no feature name Chromium does not know in Permissions-Policy. Run through run.sh."""
from __future__ import annotations

import functools
import http.server
import json
import re
import threading
import time
from pathlib import Path

import pytest

from conftest import MISSING_PATH, _Handler, discover_pages

BODY_CLASS = re.compile(r'<body(?: class="([^"]*)")?>')
RESULTS = "return document.querySelectorAll('#waymark-search-results li').length"


def parse_headers_file(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The rules of a `_headers` file: (path pattern, [(name, value)]), in order."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if line.startswith("/"):
            rules.append((stripped, []))
        else:
            name, _, value = stripped.partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def matches(pattern: str, path: str) -> bool:
    """Cloudflare's and Netlify's matching: `*` is any run of characters, slashes included."""
    return re.fullmatch(".*".join(map(re.escape, pattern.split("*"))), path) is not None


class _HeadersHandler(_Handler):
    """The test server's static files, with the headers `_headers` gives each path, as the
    hosts send them (and the test server's no-store only where no rule sets Cache-Control)."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []

    def end_headers(self):
        path = self.path.split("?", 1)[0]
        sent = [h for pattern, headers in self.rules if matches(pattern, path) for h in headers]
        for name, value in sent:
            self.send_header(name, value)
        if not any(name.lower() == "cache-control" for name, _ in sent):
            self.send_header("Cache-Control", "no-store")
        http.server.SimpleHTTPRequestHandler.end_headers(self)


@pytest.fixture(scope="module")
def headers_server(site):
    rules = parse_headers_file((site / "_headers").read_text(encoding="utf-8"))
    assert rules and rules[0][0] == "/*", "_headers should start with the rule for every path"
    handler = functools.partial(type("H", (_HeadersHandler,), {"rules": rules}), directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", dict(rules[0][1])
    httpd.shutdown()
    httpd.server_close()


def sample_paths(site: Path) -> list[str]:
    """The first page (by address) of each kind of body, the home page of a right-to-left
    language, a search with a query, and the 404 page."""
    seen: dict[str, str] = {}
    for page in sorted(discover_pages(site), key=lambda p: (p.url_path.count("/"), p.url_path)):
        match = BODY_CLASS.search(page.file.read_text(encoding="utf-8"))
        kind = (match.group(1) or "") if match else "?"
        seen.setdefault(kind, page.url_path)
    paths = sorted(seen.values()) + ["/search/?q=report", MISSING_PATH]
    html = (site / "index.html").read_text(encoding="utf-8")
    rtl = re.search(r'<a href="([^"]+)" lang="(ar|he|fa|ur)"', html)
    if rtl:
        paths.append("/" + rtl.group(2) + "/")
    return paths


def pytest_generate_tests(metafunc):
    if "host_path" in metafunc.fixturenames:
        from conftest import site_dir
        paths = sample_paths(site_dir())
        metafunc.parametrize("host_path", paths, ids=paths)


def test_page_works_under_the_host_headers(driver, headers_server, host_path):
    base, every_path = headers_server
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(base + host_path)
    if "?q=" in host_path:
        deadline = time.time() + 10
        while driver.execute_script(RESULTS) == 0 and time.time() < deadline:
            time.sleep(0.1)
        assert driver.execute_script(RESULTS) > 0, "the search showed no results under these headers"
    time.sleep(0.3)
    events = [json.loads(e["message"])["message"] for e in driver.get_log("performance")]
    failed = [e["params"] for e in events if e["method"] == "Network.loadingFailed"]
    assert not failed, f"files the browser did not load: {failed}"
    document = next(e["params"]["response"] for e in events if e["method"] == "Network.responseReceived"
                    and e["params"]["type"] == "Document")
    received = {k.lower(): v for k, v in document["headers"].items()}
    for name, value in every_path.items():
        assert received.get(name.lower()) == value, f"the page was served without {name}"
    assert driver.execute_script("return window.crossOriginIsolated") is True, "the page is not cross-origin isolated"
    console = [e for e in driver.get_log("browser")
               if not (host_path == MISSING_PATH and "status of 404" in e["message"])]
    assert not console, "console messages: " + "; ".join(e["message"] for e in console)
