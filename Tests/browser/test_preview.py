"""`waymark serve` in a real browser: a broken link makes the error overlay appear on the open page
(without a reload) with the file and line the terminal prints, the page with the overlay passes
axe, the overlay is in the page's language, and fixing the mistake makes it go away.

The preview runs the waymark binary from WAYMARK_BIN (scripts/test sets it; default: the
repository's release build) on a copy of the example site, on a free port.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import threading
import time
from importlib import resources
from pathlib import Path

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from conftest import AXE_RUN, AXE_TAGS

REPO = Path(__file__).resolve().parents[2]
OVERLAY_ERRORS = "[data-waymark-overlay][role=alert]"
BROKEN = "\nSee [the signs](spot-the-sings.md).\n"


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """A running `waymark serve` on a copy of the example site: (port, its folder)."""
    binary = Path(os.environ.get("WAYMARK_BIN", REPO / ".build/release/waymark"))
    assert binary.is_file(), f"no waymark binary at {binary}: build it first (swift build -c release)"
    folder = tmp_path_factory.mktemp("preview")
    for name in ("content", "theme"):
        shutil.copytree(REPO / name, folder / name)
    process = subprocess.Popen([str(binary), "serve", "--port", "0"], cwd=folder,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    found = threading.Event()
    port: list[int] = []

    def read():
        for line in process.stdout:
            lines.append(line)
            match = re.search(r"^Serving .* at http://localhost:(\d+)/", line)
            if match:
                port.append(int(match.group(1)))
                found.set()

    threading.Thread(target=read, daemon=True).start()
    assert found.wait(120), "waymark serve did not start:\n" + "".join(lines)
    yield port[0], folder
    process.send_signal(signal.SIGINT)
    assert process.wait(20) == 0, "waymark serve did not stop cleanly on Ctrl-C:\n" + "".join(lines)


def overlay_text(driver) -> str:
    # One script call, so a live reload that replaces the overlay between finding it and
    # reading it cannot leave a stale element reference.
    return driver.execute_script(
        "const e = document.querySelector(arguments[0]); return e ? e.innerText.trim() : '';", OVERLAY_ERRORS)


def axe_violations(driver) -> list[str]:
    driver.execute_script((resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8"))
    result = driver.execute_async_script(AXE_RUN, AXE_TAGS)
    assert "error" not in result, f"axe-core did not run: {result.get('error')}"
    return [f"{v['id']}: {v['help']} ({', '.join(str(n['target']) for n in v['nodes'])})" for v in result["violations"]]


def test_overlay_appears_at_the_right_line_passes_axe_and_goes_after_the_fix(preview, driver):
    port, folder = preview
    report = folder / "content/report.md"
    original = report.read_text(encoding="utf-8")
    driver.get(f"http://127.0.0.1:{port}/report/")
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")
    assert overlay_text(driver) == "", "no errors before the mistake"
    time.sleep(0.5)  # the live-reload connection opens after load

    report.write_text(original + BROKEN, encoding="utf-8")
    line = len((original + BROKEN).splitlines())
    expected = f"content/report.md:{line}: error: the link 'spot-the-sings.md'"
    WebDriverWait(driver, 60, poll_frequency=0.1).until(lambda d: expected in overlay_text(d),
                                                       message=f"the overlay with {expected!r} did not appear")
    assert "did you mean" in overlay_text(driver) or "help:" in overlay_text(driver)
    problems = axe_violations(driver)
    assert not problems, "axe on a page showing the overlay:\n  " + "\n  ".join(problems)

    driver.get(f"http://127.0.0.1:{port}/pl/report/")
    WebDriverWait(driver, 30).until(lambda d: expected in overlay_text(d))
    language = driver.execute_script("return document.querySelector(arguments[0]).getAttribute('lang');", OVERLAY_ERRORS)
    assert language == "pl", "the overlay speaks the page's language"
    problems = axe_violations(driver)
    assert not problems, "axe on a Polish page showing the overlay:\n  " + "\n  ".join(problems)

    report.write_text(original, encoding="utf-8")
    WebDriverWait(driver, 60, poll_frequency=0.1).until(lambda d: overlay_text(d) == "" and
                                                        d.execute_script("return document.readyState") == "complete",
                                                        message="the overlay did not go after the fix")
    assert "Zgłoś" in driver.title or driver.find_elements("css selector", "main"), "the fixed page is shown"
