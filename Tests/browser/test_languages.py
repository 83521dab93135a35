"""Languages of a built Waymark site (WAYMARK_SITE), checked in Chromium: every page declares its
language and direction, the language navigation is marked up for assistive technology and works
from the keyboard, and right-to-left pages are mirrored. Screenshots of an Arabic and a Polish page
are kept in Tests/artifacts/screenshots/ for people to look at. Run through run.sh."""
from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import MISSING_PATH, Page, discover_pages, site_dir

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"
RTL = {"ar", "fa", "prs", "ps", "ur", "ckb", "he"}
HTML_TAG = re.compile(r"<html\b([^>]*)>")


def languages_of_site() -> list[str]:
    """Language codes with pages: the default language at /, the others at /<code>/."""
    codes = {p.url_path.split("/")[1] for p in discover_pages(site_dir())
             if p.url_path != MISSING_PATH and re.fullmatch(r"/[a-z]{2,3}(-[A-Za-z0-9]+)?/.*", p.url_path)}
    return sorted(c for c in codes if (site_dir() / c / "index.html").is_file())


def language_of_path(url_path: str, translated: list[str]) -> str | None:
    first = url_path.split("/")[1] if url_path.count("/") > 1 else ""
    return first if first in translated else None


def test_every_page_declares_its_language_and_direction(page: Page):
    translated = languages_of_site()
    attrs = HTML_TAG.search(page.file.read_text(encoding="utf-8")).group(1)
    lang = re.search(r'\blang="([^"]+)"', attrs).group(1)
    direction = re.search(r'\bdir="([^"]+)"', attrs).group(1)
    expected = language_of_path(page.url_path, translated)
    if expected:
        assert lang == expected, f"{page.id}: <html lang={lang!r}>, but the page is under /{expected}/"
    assert direction == ("rtl" if lang.split("-")[0] in RTL else "ltr"), f"{page.id}: lang={lang} with dir={direction}"


def test_language_navigation_markup(page: Page, driver, server):
    if len(languages_of_site()) == 0:
        pytest.skip("the site has one language")  # a single-language site has no language navigation
    driver.get(server + page.url_path)
    page_lang = driver.execute_script("return document.documentElement.lang")
    navs = driver.find_elements(By.CSS_SELECTOR, "nav.lang-nav")
    assert len(navs) == 1, f"{page.id}: expected one language navigation, found {len(navs)}"
    nav = navs[0]
    assert nav.get_attribute("aria-label"), f"{page.id}: the language navigation has no label"
    current = nav.find_elements(By.CSS_SELECTOR, "[aria-current]")
    assert len(current) == 1 and current[0].tag_name != "a", f"{page.id}: the current language should be text with aria-current"
    assert current[0].get_attribute("lang") == page_lang
    links = nav.find_elements(By.CSS_SELECTOR, "a")
    assert links, f"{page.id}: no links to other languages"
    for link in links:
        lang, hreflang, rel = link.get_attribute("lang"), link.get_attribute("hreflang"), link.get_attribute("rel")
        assert lang and lang == hreflang, f"{page.id}: language link {link.text!r} has lang={lang!r} hreflang={hreflang!r}"
        assert "alternate" in (rel or "").split(), f"{page.id}: language link {link.text!r} lacks rel=alternate"


def _spot_the_signs(lang: str) -> str:
    return f"/{lang}/spot-the-signs/"


def test_language_navigation_by_keyboard(driver, server):
    translated = languages_of_site()
    if "pl" not in translated or "ar" not in translated:
        pytest.skip("the site has no Polish and Arabic pages")
    driver.get(server + _spot_the_signs("pl"))
    target = None
    for _ in range(40):  # Tab from the top of the page until the Arabic link has focus
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focused = driver.switch_to.active_element
        if focused.get_attribute("hreflang") == "ar":
            target = focused
            break
    assert target is not None, "the Arabic language link could not be reached with the Tab key"
    target.send_keys(Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return document.documentElement.lang") == "ar")
    assert driver.current_url.endswith(_spot_the_signs("ar"))
    assert driver.execute_script("return document.documentElement.dir") == "rtl"


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("lang", ["ar", "pl"])
def test_screenshot_and_direction(lang, driver, server):
    if lang not in languages_of_site():
        pytest.skip(f"the site has no {lang} pages")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    driver.set_window_size(412, 915)  # a small phone
    try:
        driver.get(server + _spot_the_signs(lang))
        heading = driver.find_element(By.CSS_SELECTOR, "main h1")
        # The first line of the heading's text: where it starts shows which way the page runs.
        left, right, width = driver.execute_script(
            "const range = document.createRange(); range.selectNodeContents(arguments[0]);"
            "const r = range.getClientRects()[0]; return [r.left, r.right, document.documentElement.clientWidth];", heading)
        # Mirrored layout: an Arabic heading hugs the right edge, a Polish one the left.
        if lang == "ar":
            assert width - right <= left, f"the Arabic heading is not on the right: left {left}, right {right}, width {width}"
        else:
            assert left <= width - right, f"the Polish heading is not on the left: left {left}, right {right}, width {width}"
        path = ARTIFACTS / f"{lang}-spot-the-signs.png"
        driver.save_screenshot(str(path))
        w, h = _png_size(path)
        assert w > 300 and h > 300 and path.stat().st_size > 10_000, f"{path}: {w}x{h}, {path.stat().st_size} bytes"
    finally:
        driver.set_window_size(1280, 1024)
