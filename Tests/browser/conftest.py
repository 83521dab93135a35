"""Fixtures for the browser tests: the built site, a local HTTP server for it, one Chrome session
(plus, for test_safety.py, a Chrome without JavaScript and a copy of the site whose "Exit this
page" goes to a second local server).

The site folder comes from the environment variable WAYMARK_SITE (run.sh sets it). Pages are
discovered at collection time so every test is parametrized by page and its id names the page.
"""
from __future__ import annotations

import functools
import html
import http.server
import json
import os
import re
import shutil
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
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


def _start_server(directory: Path) -> http.server.ThreadingHTTPServer:
    """A static server for `directory` on a free port of 127.0.0.1, running in a daemon thread."""
    handler = functools.partial(_Handler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def _stop_server(httpd: http.server.ThreadingHTTPServer) -> None:
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def server(site):
    """Base URL (http://127.0.0.1:PORT) of a server for the site on a free port."""
    httpd = _start_server(site)
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    _stop_server(httpd)


def _chrome(*extra_args: str):
    """A headless Chromium using Debian's binaries (no Selenium Manager) that cannot reach the
    internet: every host name but 127.0.0.1 fails to resolve, so a page (or a test) that tries to
    leave the test server gets an error instead of a real site. Requests are still logged."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1024", "--no-first-run", "--disable-extensions",
                # Chromium's own background traffic is not the page's; keep it out of the way.
                "--disable-background-networking", "--disable-component-update",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", *extra_args):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    drv = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    drv.set_page_load_timeout(30)
    drv.set_script_timeout(60)
    return drv


@pytest.fixture(scope="session")
def driver():
    """One headless Chromium for the whole run."""
    drv = _chrome()
    yield drv
    drv.quit()


@pytest.fixture(scope="module")
def nojs_driver():
    """A second Chromium with JavaScript switched off, for what a page is without its script.
    Fails (never skips) when scripts still run in it."""
    drv = _chrome("--blink-settings=scriptEnabled=false")
    drv.get("data:text/html,<title>off</title><script>document.title='on'</script>")
    title = drv.title
    if title != "off":
        drv.quit()
        pytest.fail(f"JavaScript is still on in the no-JavaScript Chromium (title {title!r})", pytrace=False)
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


# --- Safety checks (test_safety.py) ------------------------------------------------------------

# Pages of a neutral "other site" on its own local server, standing in for the site's exit_url so
# that no test ever goes to the real one (the browsers cannot resolve other hosts anyway).
EXIT_TARGET_PATH = "/exit-target/"
BEFORE_PATH = "/before-the-site/"
NEUTRAL_PAGE = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
                '<body><h1 id="neutral">{title}</h1></body></html>')


class _ExitLinkFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.href: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and self.href is None and "exit-this-page" in (a.get("class") or "").split():
            self.href = a.get("href")


def exit_url_of(html_file: Path) -> str | None:
    """The href of the page's a.exit-this-page, or None."""
    finder = _ExitLinkFinder()
    finder.feed(html_file.read_text(encoding="utf-8"))
    return finder.href


def _replace_everywhere(root: Path, old: str, new: str) -> int:
    """Replace `old` by `new` in every HTML and script file under root, in each form a URL can
    take there (as is, HTML-escaped, JSON-escaped); returns how many were replaced."""
    forms = {old: new, html.escape(old): html.escape(new), json.dumps(old)[1:-1]: json.dumps(new)[1:-1],
             json.dumps(old)[1:-1].replace("/", "\\/"): json.dumps(new)[1:-1].replace("/", "\\/")}
    count = 0
    for f in root.rglob("*"):
        if f.suffix not in (".html", ".js", ".mjs", ".json") or not f.is_file():
            continue
        text = f.read_text(encoding="utf-8", errors="surrogateescape")
        changed = text
        for a, b in forms.items():
            count += changed.count(a)
            changed = changed.replace(a, b)
        if changed != text:
            f.write_text(changed, encoding="utf-8", errors="surrogateescape")
    return count


@dataclass(frozen=True)
class ExitSite:
    url: str  # base URL of a copy of the site whose exit control goes to `target`
    exit_url: str  # the exit URL the site was built with
    target: str  # the neutral page on another local server that stands in for exit_url
    before: str  # another neutral page there, opened before the site so Back has somewhere to go


@pytest.fixture(scope="session")
def exit_site(site, tmp_path_factory):
    """A copy of the built site, served on its own port, with its exit URL replaced everywhere by
    a page on a second local server (another origin, like the real exit site)."""
    exit_url = exit_url_of(site / "index.html")
    if not exit_url:
        pytest.fail("the home page has no a.exit-this-page, so there is no exit URL to test", pytrace=False)
    neutral = tmp_path_factory.mktemp("neutral-site")
    for path, title in ((EXIT_TARGET_PATH, "Exit target"), (BEFORE_PATH, "Before the site")):
        (neutral / path.strip("/")).mkdir()
        (neutral / path.strip("/") / "index.html").write_text(NEUTRAL_PAGE.format(title=title), encoding="utf-8")
    neutral_httpd = _start_server(neutral)
    neutral_base = f"http://127.0.0.1:{neutral_httpd.server_address[1]}"
    copy = tmp_path_factory.mktemp("exit-site") / "site"
    shutil.copytree(site, copy)
    target = neutral_base + EXIT_TARGET_PATH
    if _replace_everywhere(copy, exit_url, target) == 0:
        _stop_server(neutral_httpd)
        pytest.fail(f"the exit URL {exit_url} was not found in the site's files", pytrace=False)
    httpd = _start_server(copy)
    yield ExitSite(f"http://127.0.0.1:{httpd.server_address[1]}", exit_url, target, neutral_base + BEFORE_PATH)
    _stop_server(httpd)
    _stop_server(neutral_httpd)


# Records Content-Security-Policy violations from the very start of every document.
CSP_LISTENER = """
window.__waymarkCsp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__waymarkCsp.push({directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI,
                            source: e.sourceFile, line: e.lineNumber, sample: e.sample});
}, true);
"""
CSP_CONSOLE = re.compile(r"Content[ -]Security[ -]Policy", re.IGNORECASE)


@pytest.fixture(scope="session")
def csp_listener(driver):
    """Installs CSP_LISTENER in the shared Chromium for every later page load. Call
    csp_problems(driver) after a load (and after interacting) to collect what it saw."""
    added = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_LISTENER})
    yield
    driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]})


def csp_problems(driver) -> list[str]:
    """Violations the listener recorded on the current page, plus CSP messages in the console
    since the last call (such as a directive the browser ignores in a <meta> tag)."""
    time.sleep(0.1)  # violation events are queued as tasks
    problems = [f"violation: {v['directive']} blocked {v['blocked'] or '(inline)'} "
                f"at {v['source'] or '?'}:{v['line']} {v['sample'] or ''}".rstrip()
                for v in driver.execute_script("return window.__waymarkCsp || []")]
    problems += [f"console: {e['message']}" for e in driver.get_log("browser") if CSP_CONSOLE.search(e["message"])]
    return problems


INSPECT = r"""
const norm = s => (s || '').replace(/\s+/g, ' ').trim();
const main = document.querySelector('main');
const footer = document.querySelector('footer');
const helps = document.querySelectorAll('.help-block');
const help = helps[0];
const labelOf = a => {
  const box = a.closest('.contact-card, .help-contact, .what-to-do-item');
  const label = box && box.querySelector('.contact-label');
  return label ? norm(label.textContent) : null;
};
// The language a contact's label is written in (it keeps lang="en" on a page in another language
// until the contact is translated).
const labelLangOf = a => {
  const box = a.closest('.contact-card, .help-contact, .what-to-do-item');
  const label = box && box.querySelector('.contact-label');
  const marked = label && label.closest('[lang]');
  return marked ? marked.getAttribute('lang') : null;
};
const follows = (a, b) => !!(a && b && (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING));
const focusable = Array.from(document.querySelectorAll(
    'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]'))
  .filter(el => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0)
  .slice(0, 3)
  .map(el => ({text: norm(el.textContent), href: el.getAttribute('href'), cls: el.className}));
return {
  lang: document.documentElement.getAttribute('lang'),
  csp_meta: Array.from(document.querySelectorAll('meta[http-equiv]'))
    .filter(m => m.httpEquiv.toLowerCase() === 'content-security-policy').map(m => m.content),
  help_count: helps.length,
  help: help ? {
    text: norm(help.innerText),
    tels: Array.from(help.querySelectorAll('a[href^="tel:"]')).map(a => a.getAttribute('href')),
    links: Array.from(help.querySelectorAll('a[href]')).map(a => [norm(a.textContent), a.href]),
    inside_main: !!(main && main.contains(help)),
    after_main: follows(main, help),
    before_footer: follows(help, footer),
    parent: help.parentElement.tagName.toLowerCase(),
  } : null,
  tels: Array.from(document.querySelectorAll('a[href^="tel:" i]'))
    .map(a => ({href: a.getAttribute('href'), text: norm(a.textContent), label: labelOf(a), label_lang: labelLangOf(a),
                partner: !!a.closest('li.partner')})),
  exit_links: Array.from(document.querySelectorAll('a.exit-this-page, a.exit-this-page-skip'))
    .map(a => ({cls: a.className, href: a.href})),
  first_focusable: focusable,
};
"""


@dataclass
class Facts:
    """What test_safety.py reads from one load of a page (with its script running)."""
    data: dict
    csp: list[str]


@pytest.fixture(scope="session")
def inspect(driver, server, csp_listener):
    """inspect(page) loads the page once with the CSP listener on and returns its Facts."""
    cache: dict[Page, Facts] = {}

    def load(page: Page) -> Facts:
        if page not in cache:
            driver.get_log("browser")  # drop messages from earlier pages
            driver.get(server + page.url_path)
            data = driver.execute_script(INSPECT)
            cache[page] = Facts(data, csp_problems(driver))
        return cache[page]

    return load
