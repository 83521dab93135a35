"""Safety features of a built Waymark site (WAYMARK_SITE), checked in Chromium: the "Exit this
page" control, tickable checklists that keep nothing, the one-page flyer, the consistent help
block, the Content-Security-Policy, and the phone numbers. Run through run.sh.

No test goes to the internet: the exit tests use a copy of the site whose exit URL points at a
page on a second local server, and the browsers cannot resolve any host but 127.0.0.1."""
from __future__ import annotations

import base64
import json
import re
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from selenium.common.exceptions import (ElementClickInterceptedException, ElementNotInteractableException,
                                        TimeoutException)
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.print_page_options import PrintOptions
from selenium.webdriver.support.ui import WebDriverWait

from conftest import MISSING_PATH, Page, csp_problems, discover_pages, site_dir

# The reporting contacts of docs/REFERENCE.md, by tel: URI: the number as it must be shown, and a
# word the contact's label must contain wherever the number is shown with a label. A number that is
# not here is either a misprint or a contact that has not been checked.
REPORTING_NUMBERS = {
    "tel:999": ("999", "emergency"),
    "tel:101": ("101", "police"),
    "tel:+448000121700": ("08000 121 700", "Modern Slavery & Exploitation Helpline"),
    "tel:+44800555111": ("0800 555 111", "Crimestoppers"),
    "tel:+448008083733": ("0800 808 3733", "Salvation Army"),
    "tel:+448004320804": ("0800 432 0804", "GLAA"),
}
HELPLINE_TEL = "tel:+448000121700"
# "0800 121 700" (one digit short) is the helpline's usual misprint.
MISPRINTS = re.compile(r"(?<![\d+])(?:0800[ -]?121[ -]?700|\+?44 ?800 ?121 ?700)(?!\d)")

SHIFT_WINDOW = 5.0  # seconds within which three presses of Shift exit
WAIT = 10  # seconds to wait for a navigation

# Whether the page's content is shown: main, its heading, header, footer and the help block.
SHOWN = """
const vis = el => el.checkVisibility({opacityProperty: true, visibilityProperty: true});
const shown = [];
for (const sel of ['main', 'h1', 'header', 'footer', '.help-block']) {
  for (const el of document.querySelectorAll(sel)) { if (vis(el)) { shown.push(sel); break; } }
}
return shown;
"""
# Activates an element as a click does and reports, in the same task, what is still shown: the
# exit handler must hide the page before it starts leaving, not after.
CLICK_AND_LOOK = "arguments[0].click();\n" + SHOWN


def pages_with(marker: str) -> list[Page]:
    """The site's pages whose HTML contains `marker`."""
    return [p for p in discover_pages(site_dir())
            if p.url_path != MISSING_PATH and marker in p.file.read_text(encoding="utf-8")]


def tel_digits(uri: str) -> str:
    """tel:+448000121700 → 08000121700; tel:999 → 999."""
    number = uri[4:].replace("-", "").replace(" ", "")
    return "0" + number[3:] if number.startswith("+44") else number


# --- Exit this page ----------------------------------------------------------------------------

@contextmanager
def fresh_tab(driver, exit_site):
    """A new tab whose history holds a neutral page and then the copy of the site's home page;
    closed afterwards."""
    original = driver.current_window_handle
    driver.switch_to.new_window("tab")
    try:
        driver.get(exit_site.before)
        driver.get(exit_site.url + "/")
        yield
    finally:
        driver.close()
        driver.switch_to.window(original)


def wait_for_exit(driver, exit_site, how: str):
    try:
        WebDriverWait(driver, WAIT).until(lambda d: d.current_url == exit_site.target)
    except TimeoutException:
        pytest.fail(f"{how} did not go to the exit URL ({exit_site.exit_url}, served here as "
                    f"{exit_site.target}): the browser is at {driver.current_url}", pytrace=False)
    assert driver.find_element(By.ID, "neutral").text == "Exit target"


def assert_back_does_not_return(driver, exit_site):
    driver.back()
    time.sleep(0.3)
    if driver.current_url.startswith(exit_site.url):
        pytest.fail(f"the Back button returned to the site ({driver.current_url}): the exit must replace "
                    "the page in the history (location.replace), not add to it", pytrace=False)


def press_shift(driver, times: int):
    actions = ActionChains(driver)
    for _ in range(times):
        actions.key_down(Keys.SHIFT).key_up(Keys.SHIFT).pause(0.05)
    actions.perform()


def test_exit_link_hides_page_at_once(driver, exit_site):
    with fresh_tab(driver, exit_site):
        link = driver.find_element(By.CSS_SELECTOR, "a.exit-this-page")
        assert link.get_attribute("href") == exit_site.target, "a.exit-this-page does not link to exit_url"
        assert driver.execute_script(SHOWN), "the page shows nothing before the exit control is used"
        shown = driver.execute_script(CLICK_AND_LOOK, link)
        assert not shown, (f"right after the exit control was activated, still shown: {', '.join(shown)} "
                           "(the content must be hidden at once, before the next page loads)")
        wait_for_exit(driver, exit_site, "activating a.exit-this-page")


def test_exit_link_click_replaces_location(driver, exit_site):
    with fresh_tab(driver, exit_site):
        driver.find_element(By.CSS_SELECTOR, "a.exit-this-page").click()
        wait_for_exit(driver, exit_site, "clicking a.exit-this-page")
        assert_back_does_not_return(driver, exit_site)


def test_exit_on_shift_three_times(driver, exit_site):
    with fresh_tab(driver, exit_site):
        press_shift(driver, 2)
        time.sleep(0.3)
        assert driver.current_url.startswith(exit_site.url), "pressing Shift twice already left the page"
        press_shift(driver, 1)
        wait_for_exit(driver, exit_site, "pressing Shift three times")
        assert_back_does_not_return(driver, exit_site)


def test_shift_presses_expire_after_five_seconds(driver, exit_site):
    with fresh_tab(driver, exit_site):
        page = driver.current_url
        press_shift(driver, 2)
        time.sleep(SHIFT_WINDOW + 0.7)
        press_shift(driver, 2)  # four presses, but never three within five seconds
        time.sleep(1.0)
        assert driver.current_url == page, (
            "two presses of Shift, a pause of more than five seconds and two more presses left the page: "
            "presses older than five seconds must not count")
        press_shift(driver, 1)  # the third within five seconds of the last two
        wait_for_exit(driver, exit_site, "pressing Shift three times after an expired count")


def test_exit_skip_link_is_second_in_tab_order_and_exits(driver, exit_site):
    with fresh_tab(driver, exit_site):
        driver.execute_script("document.activeElement && document.activeElement.blur && document.activeElement.blur()")
        order = []
        for _ in range(2):
            ActionChains(driver).send_keys(Keys.TAB).perform()
            order.append(driver.switch_to.active_element)
        first, second = order
        assert (first.get_attribute("href") or "").endswith("#main-content") or "skip" in (first.get_attribute("class") or ""), (
            f"the first Tab stop should be the 'Skip to main content' link, not {first.get_attribute('outerHTML')[:200]}")
        assert "exit-this-page-skip" in (second.get_attribute("class") or "").split(), (
            f"the second Tab stop should be the exit skip link (a.exit-this-page-skip), not "
            f"{second.get_attribute('outerHTML')[:200]}")
        box = second.rect
        assert box["width"] > 1 and box["height"] > 1, f"the exit skip link stays invisible when focused: {box}"
        second.send_keys(Keys.ENTER)
        wait_for_exit(driver, exit_site, "pressing Enter on the exit skip link")
        assert_back_does_not_return(driver, exit_site)


def test_exit_link_works_without_javascript(nojs_driver, exit_site):
    nojs_driver.get(exit_site.url + "/")
    nojs_driver.find_element(By.CSS_SELECTOR, "a.exit-this-page").click()
    wait_for_exit(nojs_driver, exit_site, "without JavaScript, clicking a.exit-this-page")


def test_exit_control_hidden_in_print(driver, server):
    driver.get(server + "/")
    controls = driver.find_elements(By.CSS_SELECTOR, "a.exit-this-page, a.exit-this-page-skip")
    assert controls, "no a.exit-this-page on the home page"
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        printed = [c.get_attribute("class") for c in controls
                   if driver.execute_script("return arguments[0].checkVisibility({visibilityProperty: true})", c)]
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert not printed, f"shown in print: {printed}"


def test_exit_control_on_every_page(page: Page, inspect):
    facts = inspect(page).data
    links = facts["exit_links"]
    kinds = [l["cls"].split() for l in links]
    assert sum("exit-this-page" in k for k in kinds) == 1, f"{page.id}: expected one a.exit-this-page, found {links}"
    assert sum("exit-this-page-skip" in k for k in kinds) == 1, f"{page.id}: expected one a.exit-this-page-skip, found {links}"
    hrefs = {l["href"] for l in links}
    assert len(hrefs) == 1, f"{page.id}: the exit links go to different places: {hrefs}"
    href = hrefs.pop()
    assert href.startswith(("https://", "http://")) and "127.0.0.1" not in href, (
        f"{page.id}: the exit link should go to another site, not {href}")
    order = facts["first_focusable"]
    assert len(order) >= 2 and "exit-this-page-skip" in order[1]["cls"].split(), (
        f"{page.id}: the exit skip link is not the second focusable element: {order[:2]}")


# --- Checklists --------------------------------------------------------------------------------

def tick(driver, box):
    """Ticks a checkbox as a reader would: on the box, or on its label when the box is styled away."""
    try:
        box.click()
    except (ElementNotInteractableException, ElementClickInterceptedException):
        driver.execute_script("return arguments[0].labels[0]", box).click()


LIVE_TEXTS = """
return Array.from(document.querySelectorAll('[aria-live], [role="status"], [role="log"], [role="alert"]'))
  .map(el => [el, (el.textContent || '').replace(/\\s+/g, ' ').trim()]);
"""


def test_checklist_ticks_without_storing_or_sending(driver, server, csp_listener):
    pages = pages_with('class="checklist"')
    assert pages, 'no page has a checklist (ul class="checklist"): spot-the-signs should use task lists'
    page = pages[0]
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    driver.get(server + page.url_path)
    driver.execute_script("localStorage.clear(); sessionStorage.clear();")
    items = driver.find_elements(By.CSS_SELECTOR, "ul.checklist > li.checklist-item")
    assert items, f"{page.id}: no li.checklist-item in ul.checklist"
    boxes = driver.find_elements(By.CSS_SELECTOR, "ul.checklist > li.checklist-item input[type=checkbox]")
    assert len(boxes) == len(items), (
        f"{page.id}: {len(boxes)} checkboxes for {len(items)} checklist items (the script should add one to each)")
    unlabelled = [i for i, b in enumerate(boxes) if not driver.execute_script(
        "return arguments[0].labels.length && arguments[0].labels[0].textContent.trim().length", b)]
    assert not unlabelled, f"{page.id}: checkboxes without a label: {unlabelled}"

    before = {el.id: text for el, text in driver.execute_script(LIVE_TEXTS)}
    driver.get_log("performance")  # forget the page load's requests
    tick(driver, boxes[0])
    tick(driver, boxes[1])
    assert boxes[0].is_selected() and boxes[1].is_selected(), "clicking did not tick the boxes"
    time.sleep(0.3)
    after = {el.id: text for el, text in driver.execute_script(LIVE_TEXTS)}
    changed = [text for key, text in after.items() if key in before and text != before[key]]
    assert any(re.search(r"\b2\b", t) for t in changed), (
        f"{page.id}: after ticking 2 signs no live region that was already on the page says 2 "
        f"(live regions before: {list(before.values())}, after: {list(after.values())})")
    tick(driver, boxes[1])  # untick one: the count goes down again
    time.sleep(0.3)
    again = [text for el, text in driver.execute_script(LIVE_TEXTS)]
    assert any(re.search(r"\b1\b", t) for t in again), f"{page.id}: the count did not go back to 1: {again}"

    sent = [json.loads(e["message"])["message"] for e in driver.get_log("performance")]
    sent = [m["params"]["request"]["url"] for m in sent if m["method"] == "Network.requestWillBeSent"]
    stored = driver.execute_script("return [localStorage.length, sessionStorage.length, document.cookie]")
    problems = [f"requested {u}" for u in sent]
    if stored[0] or stored[1] or stored[2] or driver.get_cookies():
        problems.append(f"stored something: localStorage {stored[0]}, sessionStorage {stored[1]}, "
                        f"cookie {stored[2]!r} {driver.get_cookies()}")
    problems += csp_problems(driver)
    assert not problems, f"{page.id}: ticking signs:\n  " + "\n  ".join(problems)


def test_checklist_is_a_plain_list_without_javascript(nojs_driver, server):
    pages = pages_with('class="checklist"')
    assert pages, 'no page has a checklist (ul class="checklist")'
    nojs_driver.get(server + pages[0].url_path)
    items = nojs_driver.find_elements(By.CSS_SELECTOR, "ul.checklist > li.checklist-item")
    assert items, "no checklist items"
    inputs = nojs_driver.find_elements(By.CSS_SELECTOR, "ul.checklist input, ul.checklist [role=checkbox]")
    assert not inputs, f"without JavaScript the checklist still has {len(inputs)} checkbox(es) that do nothing"
    hidden = [i.text for i in items if not i.is_displayed() or not i.text.strip()]
    assert not hidden, f"without JavaScript these signs are not shown: {hidden}"
    roles = {nojs_driver.execute_script("return arguments[0].getAttribute('role')", ul)
             for ul in nojs_driver.find_elements(By.CSS_SELECTOR, "ul.checklist")}
    assert roles <= {None, "list"}, f"without JavaScript the checklist has role {roles}, not a list"


# --- Flyer -------------------------------------------------------------------------------------

def test_flyer_prints_on_one_a4_page(driver, server, tmp_path: Path):
    pages = pages_with("layout-flyer")
    assert pages, "no page uses the flyer layout (body.layout-flyer)"
    for page in pages:
        driver.get(server + page.url_path)
        options = PrintOptions()
        options.page_width, options.page_height = 21.0, 29.7  # A4 in cm
        pdf = tmp_path / "flyer.pdf"
        pdf.write_bytes(base64.b64decode(driver.print_page(options)))
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60)
        assert info.returncode == 0, f"pdfinfo failed: {info.stderr}"
        pages_line = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
        assert pages_line, f"pdfinfo gave no page count:\n{info.stdout}"
        assert int(pages_line.group(1)) == 1, f"{page.id} prints on {pages_line.group(1)} A4 pages, not 1"


# --- Help block, CSP and phone numbers on every page ------------------------------------------

def home_page(lang: str | None = None) -> Page:
    """The home page in `lang` (the site's default language at /, the others at /<lang>/)."""
    pages = discover_pages(site_dir())
    default = next(p for p in pages if p.url_path == "/")
    if lang is None:
        return default
    return next((p for p in pages if p.url_path == f"/{lang}/"), default)


def test_help_block_same_on_every_page(page: Page, inspect):
    facts = inspect(page).data
    assert facts["help_count"] == 1, f"{page.id}: expected one .help-block, found {facts['help_count']}"
    help_ = facts["help"]
    assert help_["tels"], f"{page.id}: the help block has no phone links"
    assert not help_["inside_main"] and help_["after_main"] and help_["before_footer"], (
        f"{page.id}: the help block should sit between the page's main content and the footer: {help_}")
    # The same in every page of one language; the words differ between languages.
    home = inspect(home_page()).data
    reference = home["help"] if facts["lang"] == home["lang"] else inspect(home_page(facts["lang"])).data["help"]
    for key, what in (("text", "text"), ("tels", "phone links"), ("links", "links (text, URL)"), ("parent", "place")):
        assert help_[key] == reference[key], (
            f"{page.id}: the help block's {what} differ from the {facts['lang']} home page's:\n  here: {help_[key]}\n  home: {reference[key]}")
    assert help_["tels"] == home["help"]["tels"], f"{page.id}: the help block's phone links differ from the home page's"



def test_no_csp_violations(page: Page, inspect):
    facts = inspect(page)
    policies = facts.data["csp_meta"]
    assert len(policies) == 1, f"{page.id}: expected one Content-Security-Policy meta tag, found {policies}"
    directives = {d.split()[0]: d.split()[1:] for d in (x.strip() for x in policies[0].split(";")) if d}
    for name in ("script-src", "style-src"):
        sources = directives.get(name, directives.get("default-src"))
        assert sources is not None, f"{page.id}: the policy restricts neither {name} nor default-src: {policies[0]}"
        loose = [s for s in sources if s in ("'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:", "data:")]
        assert not loose, f"{page.id}: {name} allows {loose}: {policies[0]}"
    assert not facts.csp, f"{page.id}: Content-Security-Policy problems:\n  " + "\n  ".join(facts.csp)


def test_phone_numbers_are_reporting_contacts(page: Page, inspect):
    problems = []
    # Partners' own public numbers in the directory are not reporting contacts; they are checked
    # against the partners' structured data in test_directory.py.
    for tel in (t for t in inspect(page).data["tels"] if not t.get("partner")):
        href, text, label = tel["href"], tel["text"], tel["label"]
        if href not in REPORTING_NUMBERS:
            problems.append(f"{href} ({text!r}) is not one of the reporting contacts {sorted(REPORTING_NUMBERS)}")
            continue
        shown, word = REPORTING_NUMBERS[href]
        if text != shown:
            problems.append(f"{href} is shown as {text!r}, not {shown!r}")
        if re.sub(r"\D", "", text) != tel_digits(href):
            problems.append(f"{href} is shown as {text!r}: the link calls a different number")
        # Labels are checked where they are in English; translated ones are for translators.
        label_lang = tel.get("label_lang") or inspect(page).data["lang"]
        if label is not None and label_lang == "en" and word.lower() not in label.lower():
            problems.append(f"{href} is labelled {label!r}, which is not the {word} number")
    misprints = MISPRINTS.findall(page.file.read_text(encoding="utf-8"))
    if misprints:
        problems.append(f"the helpline's misprint {misprints} (one digit short of 08000 121 700)")
    if problems:
        pytest.fail(f"{page.id}:\n  " + "\n  ".join(problems), pytrace=False)


def test_helpline_number_is_labelled_as_the_helpline(inspect):
    labelled = {}
    for page in discover_pages(site_dir()):
        for tel in inspect(page).data["tels"]:
            if tel["label"] and inspect(page).data["lang"] == "en":
                labelled.setdefault(tel["href"], set()).add(tel["label"])
    assert HELPLINE_TEL in labelled, (
        f"no labelled {HELPLINE_TEL} anywhere on the site (help block or contact card): {labelled}")
    assert all("Modern Slavery & Exploitation Helpline" in l for l in labelled[HELPLINE_TEL]), labelled[HELPLINE_TEL]


def test_every_number_is_one_of_the_sites_contacts(inspect):
    """The page with the contacts layout lists every contact in contacts.yaml: any number on any
    page must be one of them, so no page carries a number that is not in the data file."""
    pages = pages_with("layout-contacts")
    assert pages, "no page uses the contacts layout (body.layout-contacts), so the contacts cannot be read"
    listed = {t["href"] for p in pages for t in inspect(p).data["tels"] if t["label"]}
    assert listed, f"the contacts page {pages[0].id} lists no labelled phone numbers"
    unchecked = sorted(listed - REPORTING_NUMBERS.keys())
    assert not unchecked, f"contacts whose numbers are not reporting contacts from the reference: {unchecked}"
    elsewhere = {}
    for page in discover_pages(site_dir()):
        for tel in inspect(page).data["tels"]:
            if tel["href"] not in listed and not tel.get("partner"):
                elsewhere.setdefault(tel["href"], []).append(page.id)
    assert not elsewhere, f"numbers that are not among the contacts on {pages[0].id}: {elsewhere}"
