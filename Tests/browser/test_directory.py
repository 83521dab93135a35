"""The partner directory (layout: directory) of a built Waymark site (WAYMARK_SITE), checked in
Chromium: with JavaScript the filter form is shown and filtering by area and by type hides the
partners that do not match and says how many are shown; without JavaScript there is no form, every
partner is listed and every jump link lands on something; every partner carries valid schema.org
JSON-LD; and nothing from the spreadsheet's professionals-only columns reaches any file of the
site. Screenshots of the directory at phone and desktop widths are kept in
Tests/artifacts/screenshots/ for people to look at. Run through run.sh."""
from __future__ import annotations

import csv
import gzip
import json
import re
import time
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import MISSING_PATH, Page, csp_problems, discover_pages, site_dir

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"
# The example data marks every professionals-only value with these words: contact names are
# "Private Contact … Example" and addresses spoc-private@…. ("Private" alone is too wide: the
# staying-safe-online page rightly explains "Private browsing".)
PRIVATE_MARKERS = (b"Private Contact", b"spoc-private")
# The repository's own example spreadsheet: when the site was built from it, its
# professionals-only values are looked for too.
EXAMPLE_CSV = Path(__file__).resolve().parents[2] / "content" / "_data" / "partners.csv"
PRIVATE_COLUMNS = ("contact_name", "contact_phone", "contact_email")


def directory_pages() -> list[Page]:
    """Pages with the directory layout (body.layout-directory) or with partner entries."""
    found = []
    for p in discover_pages(site_dir()):
        if p.url_path == MISSING_PATH:
            continue
        text = p.file.read_text(encoding="utf-8")
        if "layout-directory" in text or re.search(r"<li\b[^>]*\bclass=\"partner\"", text):
            found.append(p)
    return found


def pytest_generate_tests(metafunc):
    if "dir_page" in metafunc.fixturenames:
        pages = directory_pages()
        # An empty parameter set would only be skipped: give the tests a None to fail on instead.
        metafunc.parametrize("dir_page", pages or [None], ids=[p.id for p in pages] or ["no-directory-page"])


def need(page: Page | None) -> Page:
    if page is None:
        pytest.fail("no page uses the directory layout (body.layout-directory with li.partner entries)",
                    pytrace=False)
    return page


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


# What the page shows now: each partner with its data- attributes and whether it is displayed,
# each group heading (A-Z letters and types) with whether it is displayed and what it holds.
STATE = """
const vis = el => el.checkVisibility();
const norm = s => (s || '').replace(/\\s+/g, ' ').trim();
const status = document.querySelector('form.directory-filter [role="status"], form.directory-filter [aria-live]');
return {
  partners: Array.from(document.querySelectorAll('li.partner')).map(li => ({
    id: li.id, areas: (li.getAttribute('data-areas') || '').split(/\\s+/).filter(Boolean),
    type: li.getAttribute('data-type'), shown: vis(li)})),
  letters: Array.from(document.querySelectorAll('.directory-letter')).map(g => ({
    heading: g.querySelector('h2') ? g.querySelector('h2').id : null,
    heading_shown: g.querySelector('h2') ? vis(g.querySelector('h2')) : false,
    shown_partners: Array.from(g.querySelectorAll('li.partner')).filter(vis).length})),
  type_items: Array.from(document.querySelectorAll('li.directory-type-item')).map(li => ({
    target: (li.querySelector('a') || {}).hash, shown: vis(li)})),
  jump_links: Array.from(document.querySelectorAll('.directory-jump a[href^="#"]')).map(a => {
    const target = document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
    return {href: a.getAttribute('href'), shown: vis(a), target_shown: !!target && vis(target)};
  }),
  status: status ? norm(status.textContent) : null,
};
"""


def expected_match(partner: dict, area: str, kind: str) -> bool:
    area_ok = not area or "all" in partner["areas"] or area in partner["areas"]
    return area_ok and (not kind or partner["type"] == kind)


def check_state(state: dict, area: str, kind: str, what: str) -> int:
    """Checks that what is shown matches the filter; returns how many partners are shown."""
    wrong = [f"{p['id']} (areas {p['areas']}, type {p['type']}) is {'shown' if p['shown'] else 'hidden'}"
             for p in state["partners"] if p["shown"] != expected_match(p, area, kind)]
    assert not wrong, f"{what}: entries not filtered as expected:\n  " + "\n  ".join(wrong)
    letters = [f"{g['heading']} is {'shown' if g['heading_shown'] else 'hidden'} with {g['shown_partners']} partner(s) shown"
               for g in state["letters"] if g["heading_shown"] != (g["shown_partners"] > 0)]
    assert not letters, f"{what}: letter headings should show exactly when they have partners shown:\n  " + "\n  ".join(letters)
    shown = sum(p["shown"] for p in state["partners"])
    by_id = {p["id"]: p for p in state["partners"]}
    stale = [i["target"] for i in state["type_items"]
             if i["target"] and i["target"][1:] in by_id and i["shown"] and not by_id[i["target"][1:]]["shown"]]
    assert not stale, f"{what}: the by-type list still links to hidden partners: {stale}"
    dead = [j["href"] for j in state["jump_links"] if j["shown"] and not j["target_shown"]]
    assert not dead, f"{what}: jump links shown for groups that are hidden: {dead}"
    return shown


def choose(select_el, value: str):
    Select(select_el).select_by_value(value)
    time.sleep(0.15)


# --- With JavaScript -----------------------------------------------------------------------------

def test_filter_form_is_shown_and_labelled(dir_page, driver, server):
    page = need(dir_page)
    driver.get(server + page.url_path)
    forms = driver.find_elements(By.CSS_SELECTOR, "form.directory-filter")
    assert len(forms) == 1, f"{page.id}: expected one form.directory-filter, found {len(forms)}"
    form = forms[0]
    assert form.is_displayed(), f"{page.id}: with JavaScript the filter form should be shown"
    selects = form.find_elements(By.CSS_SELECTOR, "select")
    assert len(selects) == 2, f"{page.id}: expected an area and a type select, found {len(selects)}"
    for sel in selects:
        label = driver.execute_script(
            "return arguments[0].labels.length ? arguments[0].labels[0].textContent.trim() : ''", sel)
        assert label, f"{page.id}: select #{sel.get_attribute('id')} has no label"
        first = Select(sel).options[0]
        assert first.get_attribute("value") == "" and first.text.strip(), (
            f"{page.id}: the first option of #{sel.get_attribute('id')} should be 'all' with value ''")
        assert len(Select(sel).options) > 1, f"{page.id}: #{sel.get_attribute('id')} offers nothing to choose"
    state = driver.execute_script(STATE)
    total = len(state["partners"])
    assert total, f"{page.id}: no li.partner entries"
    assert state["status"] and re.search(rf"\b{total}\b", state["status"]), (
        f"{page.id}: the live region should say how many of the {total} partners are shown, says {state['status']!r}")
    assert all(p["shown"] for p in state["partners"]), f"{page.id}: not every partner is shown before filtering"
    assert not csp_problems(driver), f"{page.id}: {csp_problems(driver)}"


def _area_select(driver):
    return driver.find_element(By.CSS_SELECTOR, "form.directory-filter select[name=area]")


def _type_select(driver):
    return driver.find_element(By.CSS_SELECTOR, "form.directory-filter select[name=type]")


def test_filter_by_area_then_type_then_reset(dir_page, driver, server):
    page = need(dir_page)
    driver.get(server + page.url_path)
    driver.execute_script("localStorage.clear(); sessionStorage.clear();")
    driver.get_log("performance")  # forget the page load's requests
    before = driver.execute_script(STATE)
    total = len(before["partners"])
    area_sel, type_sel = _area_select(driver), _type_select(driver)

    # An area that leaves some partners out (partners covering "all" stay).
    areas = [o.get_attribute("value") for o in Select(area_sel).options if o.get_attribute("value")]
    narrowing = [a for a in areas if sum(expected_match(p, a, "") for p in before["partners"]) < total]
    assert narrowing, f"{page.id}: no area filters anything out, so filtering cannot be checked (areas {areas})"
    area = narrowing[0]
    choose(area_sel, area)
    state = driver.execute_script(STATE)
    shown = check_state(state, area, "", f"{page.id}, area {area!r}")
    assert shown < total
    assert state["status"] != before["status"] and re.search(rf"\b{shown}\b", state["status"] or ""), (
        f"{page.id}: after choosing {area!r} ({shown} of {total} shown) the live region says {state['status']!r}")

    # A type as well: both filters apply together.
    kinds = [o.get_attribute("value") for o in Select(type_sel).options if o.get_attribute("value")]
    kind = next((k for k in kinds if 0 < sum(expected_match(p, area, k) for p in before["partners"]) < shown), None)
    assert kind, f"{page.id}: no type narrows the {area!r} list further (types {kinds})"
    choose(type_sel, kind)
    state2 = driver.execute_script(STATE)
    shown2 = check_state(state2, area, kind, f"{page.id}, area {area!r} and type {kind!r}")
    assert 0 < shown2 < shown
    assert state2["status"] != state["status"] and re.search(rf"\b{shown2}\b", state2["status"] or ""), (
        f"{page.id}: after also choosing {kind!r} ({shown2} shown) the live region says {state2['status']!r}")

    # The type alone.
    choose(area_sel, "")
    check_state(driver.execute_script(STATE), "", kind, f"{page.id}, type {kind!r}")

    # A choice nothing matches, when the data has one: the live region says so.
    empty = next(((a, k) for a in areas for k in kinds
                  if not any(expected_match(p, a, k) for p in before["partners"])), None)
    if empty:
        choose(area_sel, empty[0])
        choose(type_sel, empty[1])
        state3 = driver.execute_script(STATE)
        check_state(state3, empty[0], empty[1], f"{page.id}, area {empty[0]!r} and type {empty[1]!r}")
        assert state3["status"] and state3["status"] != state2["status"], (
            f"{page.id}: with nothing to show the live region says {state3['status']!r}")

    # Back to everything.
    choose(area_sel, "")
    choose(type_sel, "")
    after = driver.execute_script(STATE)
    assert check_state(after, "", "", f"{page.id}, after resetting") == total
    assert after["status"] == before["status"], (
        f"{page.id}: after resetting the live region says {after['status']!r}, not {before['status']!r}")

    sent = [json.loads(e["message"])["message"] for e in driver.get_log("performance")]
    sent = [m["params"]["request"]["url"] for m in sent if m["method"] == "Network.requestWillBeSent"]
    stored = driver.execute_script("return [localStorage.length, sessionStorage.length, document.cookie]")
    assert not sent, f"{page.id}: filtering made requests: {sent}"
    assert stored == [0, 0, ""], f"{page.id}: filtering stored something: {stored}"


def test_filter_works_from_the_keyboard(dir_page, driver, server):
    page = need(dir_page)
    driver.get(server + page.url_path)
    before = driver.execute_script(STATE)
    area_sel = _area_select(driver)
    driver.execute_script("arguments[0].focus()", area_sel)
    assert driver.switch_to.active_element == area_sel, f"{page.id}: the area select cannot take focus"
    area_sel.send_keys(Keys.ARROW_DOWN)  # the first area after "all areas"
    WebDriverWait(driver, 5).until(lambda d: _area_select(d).get_attribute("value") != "")
    time.sleep(0.15)
    area = _area_select(driver).get_attribute("value")
    state = driver.execute_script(STATE)
    check_state(state, area, "", f"{page.id}, area {area!r} chosen with the keyboard")
    if state["status"] == before["status"]:
        assert all(expected_match(p, area, "") for p in before["partners"]), (
            f"{page.id}: the live region did not change after choosing {area!r} with the keyboard")


def test_filter_form_hidden_in_print(dir_page, driver, server):
    page = need(dir_page)
    driver.get(server + page.url_path)
    form = driver.find_element(By.CSS_SELECTOR, "form.directory-filter")
    assert form.is_displayed()
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        printed = driver.execute_script("return arguments[0].checkVisibility()", form)
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert not printed, f"{page.id}: the filter form is printed"


@pytest.mark.parametrize("width", [412, 1280])
def test_screenshot(dir_page, driver, server, width):
    page = need(dir_page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    driver.set_window_size(width, 915 if width < 600 else 1024)
    try:
        driver.get(server + page.url_path)
        overflow = driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{page.id} scrolls sideways by {overflow}px at {width}px wide"
        name = page.url_path.strip("/").replace("/", "-") or "home"
        path = ARTIFACTS / f"directory-{name}-{width}.png"
        driver.save_screenshot(str(path))
        assert path.stat().st_size > 10_000, f"{path} looks empty"
    finally:
        driver.set_window_size(1280, 1024)


# --- Without JavaScript --------------------------------------------------------------------------

def test_without_javascript_no_form_and_every_partner_listed(dir_page, nojs_driver, server):
    page = need(dir_page)
    nojs_driver.get(server + page.url_path)
    shown_forms = [f for f in nojs_driver.find_elements(By.CSS_SELECTOR, "form.directory-filter, main select")
                   if f.is_displayed()]
    assert not shown_forms, f"{page.id}: without JavaScript the filter form is shown but could do nothing"
    partners = nojs_driver.find_elements(By.CSS_SELECTOR, "li.partner")
    assert partners, f"{page.id}: no li.partner entries"
    hidden = [p.get_attribute("id") for p in partners if not p.is_displayed()]
    assert not hidden, f"{page.id}: without JavaScript these partners are not shown: {hidden}"
    missing_name = [p.get_attribute("id") for p in partners if not p.find_elements(By.CSS_SELECTOR, "h3")
                    or not p.find_element(By.CSS_SELECTOR, "h3").text.strip()]
    assert not missing_name, f"{page.id}: partners without a name heading (h3): {missing_name}"
    # Each partner once in the A-Z list and once in the by-type list.
    ids = [p.get_attribute("id") for p in partners]
    assert len(ids) == len(set(ids)), f"{page.id}: partner ids repeat: {sorted(i for i in ids if ids.count(i) > 1)}"
    by_type = [a.get_attribute("hash")[1:] for a in nojs_driver.find_elements(By.CSS_SELECTOR, ".directory-type-list a")]
    assert sorted(by_type) == sorted(ids), (
        f"{page.id}: the by-type lists should link to every partner exactly once:\n"
        f"  missing {sorted(set(ids) - set(by_type))}\n  extra or repeated {sorted(i for i in by_type if by_type.count(i) > 1 or i not in ids)}")


def test_without_javascript_jump_links_land(dir_page, nojs_driver, server):
    page = need(dir_page)
    nojs_driver.get(server + page.url_path)
    all_ids = nojs_driver.execute_script("return Array.from(document.querySelectorAll('[id]')).map(e => e.id)")
    dupes = sorted({i for i in all_ids if all_ids.count(i) > 1})
    assert not dupes, f"{page.id}: ids used more than once: {dupes}"
    ids = set(all_ids)
    letters = nojs_driver.find_elements(By.CSS_SELECTOR, ".directory-letter h2[id]")
    types = nojs_driver.find_elements(By.CSS_SELECTOR, ".directory-type h2[id]")
    assert letters and types, f"{page.id}: expected A-Z letter headings and type headings with ids"
    links = nojs_driver.execute_script(
        "return Array.from(document.querySelectorAll('.directory-jump a, .directory-type-list a'))"
        ".map(a => [a.textContent.trim(), a.getAttribute('href')])")
    assert links, f"{page.id}: no jump links"
    broken = [f"{text!r} -> {href}" for text, href in links if not href.startswith("#") or href[1:] not in ids]
    assert not broken, f"{page.id}: jump links to nothing:\n  " + "\n  ".join(broken)
    jump_targets = {href[1:] for _, href in links}
    unlinked = [h.get_attribute("id") for h in letters + types if h.get_attribute("id") not in jump_targets]
    assert not unlinked, f"{page.id}: group headings no jump link points at: {unlinked}"
    # A jump link works: the letter heading is scrolled into view, below the sticky exit control.
    last_letter = letters[-1].get_attribute("id")
    nojs_driver.find_element(By.CSS_SELECTOR, f".directory-jump a[href='#{last_letter}']").click()
    time.sleep(0.3)
    top = nojs_driver.execute_script(f"return document.getElementById('{last_letter}').getBoundingClientRect().top")
    height = nojs_driver.execute_script("return window.innerHeight")
    assert 0 <= top < height, f"{page.id}: after following #{last_letter} its heading is at {top}px"


# --- Structured data -----------------------------------------------------------------------------

PARTNER_DATA = """
return Array.from(document.querySelectorAll('li.partner')).map(li => {
  const h3 = li.querySelector('h3');
  const attr = (sel, name) => { const el = li.querySelector(sel); return el ? el.getAttribute(name) : null; };
  return {
    id: li.id,
    name: h3 ? h3.textContent.replace(/\\s+/g, ' ').trim() : null,
    scripts: Array.from(li.querySelectorAll('script[type="application/ld+json"]')).map(s => s.textContent),
    website: attr('a[href^="http"]', 'href'),
    email: attr('a[href^="mailto:"]', 'href'),
    tel: attr('a[href^="tel:"]', 'href'),
  };
});
"""


def test_every_partner_has_json_ld(dir_page, nojs_driver, server):
    page = need(dir_page)
    nojs_driver.get(server + page.url_path)
    problems = []
    for p in nojs_driver.execute_script(PARTNER_DATA):
        where = f"#{p['id']}"
        if len(p["scripts"]) != 1:
            problems.append(f"{where}: {len(p['scripts'])} JSON-LD blocks, expected 1")
            continue
        try:
            data = json.loads(p["scripts"][0])
        except ValueError as e:
            problems.append(f"{where}: JSON-LD does not parse ({e}): {p['scripts'][0][:200]!r}")
            continue
        if not isinstance(data, dict):
            problems.append(f"{where}: JSON-LD is not an object")
            continue
        if data.get("@context") not in ("https://schema.org", "https://schema.org/", "http://schema.org"):
            problems.append(f"{where}: @context is {data.get('@context')!r}")
        if data.get("@type") != "Organization":
            problems.append(f"{where}: @type is {data.get('@type')!r}, not 'Organization'")
        if norm(data.get("name")) != p["name"]:
            problems.append(f"{where}: JSON-LD name {data.get('name')!r} differs from the heading {p['name']!r}")
        if p["website"] and data.get("url") != p["website"]:
            problems.append(f"{where}: JSON-LD url {data.get('url')!r} differs from the website link {p['website']!r}")
        if p["email"] and data.get("email") not in (p["email"][len("mailto:"):], p["email"]):
            problems.append(f"{where}: JSON-LD email {data.get('email')!r} differs from the link {p['email']!r}")
        if p["tel"] and re.sub(r"\D", "", str(data.get("telephone", ""))) != re.sub(r"\D", "", p["tel"]):
            problems.append(f"{where}: JSON-LD telephone {data.get('telephone')!r} differs from the link {p['tel']!r}")
        blob = json.dumps(data)
        if any(m.decode() in blob for m in PRIVATE_MARKERS):
            problems.append(f"{where}: JSON-LD holds professionals-only data")
    assert not problems, f"{page.id}:\n  " + "\n  ".join(problems)


# --- Professionals-only data ---------------------------------------------------------------------

def _file_texts(site: Path):
    """(relative path, bytes) for every file of the site, gzip files also uncompressed."""
    for f in sorted(site.rglob("*")):
        if not f.is_file():
            continue
        data = f.read_bytes()
        yield f.relative_to(site).as_posix(), data
        if f.suffix == ".gz":
            try:
                yield f.relative_to(site).as_posix() + " (uncompressed)", gzip.decompress(data)
            except OSError:
                pass


def _example_private_values(site: Path) -> list[bytes]:
    """The example spreadsheet's professionals-only values, when the site was built from it."""
    if not EXAMPLE_CSV.is_file():
        return []
    with EXAMPLE_CSV.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    pages = directory_pages()
    if not rows or not pages:
        return []
    listed = pages[0].file.read_text(encoding="utf-8")
    if not any(r.get("name") and r["name"].split(",")[0] in listed for r in rows):
        return []  # another site's data
    values = {r.get(c, "").strip() for r in rows for c in PRIVATE_COLUMNS} - {""}
    forms = set()
    for v in values:
        forms.add(v.encode())
        digits = re.sub(r"\D", "", v)
        if len(digits) >= 10 and "@" not in v:  # a phone number, also as a tel: URI
            forms.add(("+44" + digits[1:]).encode())
    return sorted(forms)


def test_no_professionals_only_data_in_any_file(site):
    assert directory_pages(), "no page uses the directory layout, so there is no partner data to check"
    extra = _example_private_values(site)
    found = []
    for rel, data in _file_texts(site):
        for marker in PRIVATE_MARKERS + tuple(extra):
            if marker in data:
                at = data.index(marker)
                found.append(f"{rel}: {marker.decode()!r} in …{data[max(0, at - 60):at + 60].decode('utf-8', 'replace')!r}…")
    assert not found, "professionals-only partner data was published:\n  " + "\n  ".join(found[:40])
