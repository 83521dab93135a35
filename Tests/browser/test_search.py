"""Site search of a built Waymark site (WAYMARK_SITE), checked in Chromium: queries typed into the
search page find the expected pages and mark only the words they matched (compared without case,
diacritics and Arabic letter forms; another form of a word, like "narkotyki" for "narkotykow",
counts, a different word that merely shares a start, like "council" for "county", does not);
results stay in the page's language; the live region says how many in that language; the arrow
keys move between the box and the results; "Show more results" adds results; the page passes
axe-core with results shown; and without JavaScript the search page points to an A–Z list that
holds every page of its language. A word typed wrong ("helpine", "niewolnitwo", in six languages) is
corrected, the status says so, and a button searches for exactly what was typed; synonyms declared
in content/site.yaml find each other. Finally the result-quality set in Tests/search/quality.json is
run through window.WaymarkSearch: at least 90% of its queries must have a relevant page among the
top 3 results. Run through run.sh (e.g. `run.sh SITE -k test_search`)."""
from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from collections import defaultdict
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import AXE_RUN, AXE_TAGS, MISSING_PATH, REDIRECT_RE, discover_pages

QUALITY = Path(__file__).resolve().parent.parent / "search" / "quality.json"
QUALITY_MIN = 0.90  # share of quality queries with a relevant page in the top 3
TOP = 3
WAIT = 10  # seconds for results to show (the script waits 250 ms after the last key)

# --- Folding, written here independently of search.js: lowercase, strip accents (combining marks),
# fold the letters NFD leaves alone, and the Arabic letter forms a visitor may type either way.
FOLDS = {"ł": "l", "đ": "d", "ð": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th",
         "ħ": "h", "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
         "\u0649": "\u064a", "\u0629": "\u0647", "\u0640": ""}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if not unicodedata.category(c).startswith("M"))
    text = "".join(FOLDS.get(c, c) for c in text)
    return re.sub(r"['\u2019]", "", text)


# Arabic writes the article and some particles joined to the word: "المساعدة" (the help),
# "للإبلاغ" (for the reporting) and "إبلاغ" are forms of one word.
ARABIC_ARTICLE = re.compile("^(?:\u0648\u0627\u0644|\u0628\u0627\u0644|\u0643\u0627\u0644|\u0641\u0627\u0644"
                            "|\u0644\u0644|\u0627\u0644)(?=[\u0600-\u06ff]{3})")


def words_of(query: str) -> list[str]:
    return [ARABIC_ARTICLE.sub("", w) for w in re.split(r"\W+", fold(query)) if w]


def _common(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def same_word(mark: str, word: str, last: bool) -> bool:
    """Whether `mark` (folded) is `word` (folded) or another form of it: the last word still being
    typed also as the start of a longer word; otherwise an inflection, which keeps the word's
    start and changes at most its last two letters ("narkotykow"/"narkotyki",
    "zglos"/"zgloszenie", "lines"/"line"), never a different word that merely shares four
    letters ("county"/"council")."""
    if mark == word or (last and len(word) >= 2 and mark.startswith(word)):
        return True
    common = _common(mark, word)
    if common == len(mark) and len(mark) >= 4 and len(word) - len(mark) <= 2:
        return True  # "line" for "lines"
    return common >= 5 and common >= len(word) - 2


def english_stems(words: list[str]) -> list[str]:
    """The Porter2 stems of `words`, by the theme's stem-en.js run in Node."""
    script = Path(__file__).resolve().parents[1] / "search" / "porter2-vocabulary.mjs"
    out = subprocess.run(["node", str(script), "--stem"], input="\n".join(words) + "\n",
                         capture_output=True, text=True, check=True).stdout
    return out.split("\n")[:len(words)]


def mark_matches(mark: str, query: str, stems: bool = False) -> bool:
    """Whether a marked piece of text is one of the query's words (compared without case,
    diacritics and Arabic letter forms), or another form of one: sharing its start or, in
    English (`stems`), its Porter2 stem."""
    words = words_of(query)
    m = ARABIC_ARTICLE.sub("", fold(mark.strip()))
    if any(same_word(m, w, i == len(words) - 1) for i, w in enumerate(words)):
        return True
    if not stems:
        return False
    mark_stem, *word_stems = english_stems([m] + words)
    return mark_stem in word_stems


def search_path(lang: str) -> str:
    return "/search/" if lang == "en" else f"/{lang}/search/"


def path_of(url: str) -> str:
    return unquote(urlsplit(url).path)


# --- The search page in the browser --------------------------------------------------------------

RESULTS = """
const norm = s => (s || '').replace(/\\s+/g, ' ').trim();
const status = document.getElementById('waymark-search-status');
const more = document.getElementById('waymark-search-more');
return {
  status: status ? norm(status.textContent) : null,
  more_shown: !!more && !more.hidden && more.getClientRects().length > 0,
  results: Array.from(document.querySelectorAll('#waymark-search-results > li.search-result')).map(li => {
    const a = li.querySelector('h2.search-result-title a');
    return {href: a ? a.href : null, title: a ? norm(a.textContent) : null,
            marks: Array.from(li.querySelectorAll('.search-result-excerpt mark')).map(m => m.textContent)};
  }),
};
"""


def open_search(driver, server, lang: str, query: str | None = None):
    url = server + search_path(lang) + (f"?q={query}" if query else "")
    driver.get(url)
    WebDriverWait(driver, WAIT).until(lambda d: d.execute_script(
        "return !!window.WaymarkSearch && document.getElementById('waymark-search-nojs').hidden"),
        f"{search_path(lang)}: the search script did not start (no WaymarkSearch, or the no-JS message is still shown)")


def state(driver) -> dict:
    return driver.execute_script(RESULTS)


def type_query(driver, query: str) -> dict:
    """Empties the search box with the keyboard, types `query` and waits for the live region to
    report on it; returns what the page shows then."""
    box = driver.find_element(By.ID, "waymark-search-q")
    box.click()
    if box.get_attribute("value"):
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(Keys.DELETE)
        WebDriverWait(driver, WAIT).until(lambda d: state(d)["status"] == "",
                                          "the status did not clear when the box was emptied")
    box.send_keys(query)
    try:
        WebDriverWait(driver, WAIT).until(lambda d: query in (state(d)["status"] or ""))
    except Exception:
        pytest.fail(f"after typing {query!r} the status never mentioned it: {state(driver)['status']!r}",
                    pytrace=False)
    return state(driver)


def check_marks(shown: dict, query: str, where: str):
    marks = [m for r in shown["results"] for m in r["marks"]]
    assert marks, f"{where}: no <mark> in any excerpt for {query!r}"
    wrong = sorted({m for m in marks if not mark_matches(m, query, stems=where.startswith("/search/"))})
    assert not wrong, f"{where}: marked text that is not a word of {query!r} (folded {words_of(query)}): {wrong}"


def check_url_query(driver, query: str, where: str):
    got = parse_qs(urlsplit(driver.current_url).query).get("q", [None])[0]
    assert got == query, f"{where}: after typing, the address should hold ?q={query!r}, has {driver.current_url}"


SEARCH_ALL = """
const queries = arguments[0], top = arguments[1], done = arguments[arguments.length - 1];
(async () => {
  const out = [];
  for (const q of queries) {
    const found = await window.WaymarkSearch.search(q);
    const n = top === null ? found.results.length : Math.min(top, found.results.length);
    const loaded = await Promise.all(found.results.slice(0, n).map(r => r.load()));
    out.push({q, total: found.total, results: loaded.map(r => ({url: r.url, title: r.title, heading: r.heading}))});
  }
  return out;
})().then(done, e => done({error: String(e && e.stack || e)}));
"""


def run_searches(driver, queries: list[str], top: int | None = TOP) -> list[dict]:
    out = driver.execute_async_script(SEARCH_ALL, queries, top)
    if isinstance(out, dict) and "error" in out:
        pytest.fail(f"window.WaymarkSearch.search failed: {out['error']}", pytrace=False)
    return out


# --- (a) typed queries ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang, query, expected", [
    ("en", "county lines", "/spot-the-signs/"),
    ("en", "Duty to Notify", "/pathways/adults/"),
    ("pl", "zgłoś anonimowo", "/pl/report/"),
    ("ar", "خط المساعدة", "/ar/report/"),
    ("ar", "الابلاغ", "/ar/report/"),  # typed with a bare alif; the pages write الإبلاغ
], ids=["en-county-lines", "en-duty-to-notify", "pl-zglos-anonimowo", "ar-helpline", "ar-reporting-bare-alif"])
def test_typed_query_finds_page_and_marks_words(lang, query, expected, driver, server):
    open_search(driver, server, lang)
    shown = type_query(driver, query)
    where = f"{search_path(lang)} {query!r}"
    paths = [path_of(r["href"]) for r in shown["results"]]
    assert expected in paths, f"{where}: {expected} is not among the results shown: {paths}"
    assert len(shown["results"]) <= 10, f"{where}: {len(shown['results'])} results shown at once, expected at most 10"
    check_marks(shown, query, where)
    check_url_query(driver, query, where)
    if lang == "ar":
        assert driver.execute_script("return document.documentElement.dir") == "rtl", f"{where}: page is not dir=rtl"
        other = [p for p in paths if not p.startswith("/ar/")]
        assert not other, f"{where}: results from outside /ar/: {other}"


@pytest.mark.parametrize("written, plain, expected, letter", [
    ("zgłoś anonimowo", "zglos anonimowo", "/pl/report/", "ł"),
    ("narkotyków", "narkotykow", "/pl/spot-the-signs/", "ó"),
], ids=["zglos-anonimowo", "narkotykow"])
def test_polish_with_and_without_diacritics(written, plain, expected, letter, driver, server):
    open_search(driver, server, "pl")
    with_marks = type_query(driver, written)
    without = type_query(driver, plain)
    assert with_marks["results"] and without["results"], (
        f"no results: {written!r} {len(with_marks['results'])}, {plain!r} {len(without['results'])}")
    first = [path_of(s["results"][0]["href"]) for s in (with_marks, without)]
    assert first[0] == first[1], f"{written!r} first finds {first[0]}, {plain!r} {first[1]}"
    assert first[0] == expected, f"{written!r}: expected {expected} first, got {first[0]}"
    check_marks(without, plain, f"/pl/search/ {plain!r}")
    # The words typed without diacritics mark the text as it is written, with them.
    marks = {m for r in without["results"] for m in r["marks"]}
    assert any(letter in m for m in marks), f"{plain!r} should mark words written with {letter!r}; marks: {sorted(marks)}"


# --- (b) only the page's language ------------------------------------------------------------------

def test_results_only_in_page_language(driver, server):
    # "Hull" and "Crimestoppers" are on English pages too (and partner names stay in English).
    open_search(driver, server, "pl")
    shown = type_query(driver, "Hull")
    assert shown["results"], "/pl/search/ 'Hull': no results"
    outside = [r["href"] for r in shown["results"] if not path_of(r["href"]).startswith("/pl/")]
    assert not outside, f"/pl/search/ 'Hull' shows results outside /pl/: {outside}"
    for found in run_searches(driver, ["hull", "crimestoppers", "signs"], top=None):
        assert found["results"], f"/pl/search/: WaymarkSearch.search({found['q']!r}) found nothing"
        outside = [r["url"] for r in found["results"] if not path_of(r["url"]).startswith("/pl/")]
        assert not outside, f"/pl/search/: WaymarkSearch.search({found['q']!r}) returns pages outside /pl/: {outside}"
    # And the English search page gives no Polish pages.
    open_search(driver, server, "en")
    found = run_searches(driver, ["hull"], top=None)[0]
    lang_dirs = {"pl", "ar", "ro", "lt", "sq", "vi"}
    foreign = [r["url"] for r in found["results"] if path_of(r["url"]).split("/")[1] in lang_dirs]
    assert found["results"] and not foreign, f"/search/ 'hull': {len(found['results'])} results, foreign ones: {foreign}"


# --- (c) the live region ----------------------------------------------------------------------------

def plural_category(lang: str, n: int) -> str:
    """CLDR plural category of a whole number, for the languages checked here."""
    if lang == "pl":
        if n == 1:
            return "one"
        if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
            return "few"
        return "many"
    return "one" if n == 1 else "other"


@pytest.mark.parametrize("lang, query", [("en", "exploitation"), ("pl", "narkotykow"), ("pl", "dzieci"), ("pl", "wyzysk")])
def test_status_announces_count_in_page_language(lang, query, driver, server):
    open_search(driver, server, lang)
    status = driver.find_element(By.ID, "waymark-search-status")
    assert status.get_attribute("role") == "status", "p#waymark-search-status should have role=status"
    assert status.text.strip() == "", f"the status should be empty before a search, says {status.text!r}"
    shown = type_query(driver, query)
    total = run_searches(driver, [query], top=0)[0]["total"]
    assert total > 0, f"{search_path(lang)}: {query!r} finds nothing, so its count cannot be checked"
    templates = driver.execute_script("return Object.assign({}, document.getElementById('waymark-search').dataset)")
    category = plural_category(lang, total)
    template = templates.get("count" + category.capitalize()) or templates.get("countOther")
    assert template, f"{search_path(lang)}: no data-count-{category} text on the form"
    expected = template.replace("{count}", str(total)).replace("{query}", query)
    assert shown["status"] == expected, (
        f"{search_path(lang)} {query!r}: {total} results; the status says {shown['status']!r}, expected {expected!r}")
    if lang != "en":  # the words are the page's language, not English
        open_search(driver, server, "en")
        english = driver.execute_script("return document.getElementById('waymark-search').dataset.countOther")
        assert template != english and "results for" not in shown["status"], (
            f"{search_path(lang)}: the status is in English: {shown['status']!r}")
    # No match: the "none" text, also in the page's language.
    open_search(driver, server, lang)
    nothing = "zqxjvw"
    shown = type_query(driver, nothing)
    assert not shown["results"], f"{nothing!r} should find nothing, found {[r['href'] for r in shown['results']]}"
    assert shown["status"] == templates["none"].replace("{query}", nothing), (
        f"{search_path(lang)}: with no results the status says {shown['status']!r}")


# --- (d) keyboard -------------------------------------------------------------------------------------

def test_header_search_then_arrow_keys(driver, server):
    driver.get(server + "/")
    box = driver.find_element(By.ID, "site-search-q")
    assert box.get_attribute("name") == "q"
    box.click()
    box.send_keys("cuckooing", Keys.ENTER)
    WebDriverWait(driver, WAIT).until(lambda d: urlsplit(d.current_url).path == "/search/",
                                      f"Enter in the header box did not open /search/ (at {driver.current_url})")
    assert parse_qs(urlsplit(driver.current_url).query).get("q") == ["cuckooing"], driver.current_url
    WebDriverWait(driver, WAIT).until(lambda d: "cuckooing" in (state(d)["status"] or ""),
                                      "the search page did not search for ?q=cuckooing")
    shown = state(driver)
    paths = [path_of(r["href"]) for r in shown["results"]]
    assert "/spot-the-signs/" in paths, f"'cuckooing' from the header: /spot-the-signs/ not in {paths}"
    assert driver.find_element(By.ID, "waymark-search-q").get_attribute("value") == "cuckooing"

    links = driver.find_elements(By.CSS_SELECTOR, "#waymark-search-results .search-result-title a")
    assert len(links) >= 2, f"need two results to check the arrow keys, have {len(links)}"
    box = driver.find_element(By.ID, "waymark-search-q")
    box.click()
    active = lambda: driver.switch_to.active_element  # noqa: E731
    active().send_keys(Keys.ARROW_DOWN)
    assert active() == links[0], f"ArrowDown from the box should focus the first result, focused {active().text!r}"
    active().send_keys(Keys.ARROW_DOWN)
    assert active() == links[1], f"a second ArrowDown should focus the second result, focused {active().text!r}"
    active().send_keys(Keys.ARROW_UP)
    assert active() == links[0], f"ArrowUp should go back to the first result, focused {active().text!r}"
    active().send_keys(Keys.ARROW_UP)
    assert active() == box, f"ArrowUp from the first result should go back to the box, focused {active().tag_name}"
    # The page did not scroll-jump or leave: still the search page, and Enter on a result follows it.
    active().send_keys(Keys.ARROW_DOWN)
    target = links[0].get_attribute("href")
    active().send_keys(Keys.ENTER)
    WebDriverWait(driver, WAIT).until(lambda d: d.current_url == target,
                                      f"Enter on the first result did not open {target} (at {driver.current_url})")


# --- (e) show more ------------------------------------------------------------------------------------

def test_show_more_results(driver, server):
    query = "slavery"
    open_search(driver, server, "en")
    total = run_searches(driver, [query], top=0)[0]["total"]
    assert total > 10, f"'{query}' finds only {total} pages; pick a commoner word to test Show more"
    shown = type_query(driver, query)
    assert len(shown["results"]) == 10, f"'{query}': {len(shown['results'])} results shown first, expected 10 of {total}"
    assert shown["more_shown"], f"'{query}': {total} results but no visible Show more button"
    first_ten = [r["href"] for r in shown["results"]]
    more = driver.find_element(By.ID, "waymark-search-more")
    more.click()
    want = min(20, total)
    WebDriverWait(driver, WAIT).until(lambda d: len(state(d)["results"]) == want,
                                      f"after Show more, {len(state(driver)['results'])} results shown, expected {want}")
    after = state(driver)
    hrefs = [r["href"] for r in after["results"]]
    assert hrefs[:10] == first_ten, "Show more changed the first ten results"
    assert after["more_shown"] == (total > 20), f"{total} results, 20 shown: Show more shown is {after['more_shown']}"
    # The reader's place: focus on the first new result.
    focused = driver.switch_to.active_element
    assert focused.get_attribute("href") == hrefs[10], f"after Show more the focus is on {focused.get_attribute('href')!r}"


# --- (f) without JavaScript: the A–Z --------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "ar"])
def test_without_javascript_search_page_links_to_az(lang, nojs_driver, server):
    nojs_driver.get(server + search_path(lang))
    msg = nojs_driver.find_element(By.ID, "waymark-search-nojs")
    assert msg.is_displayed() and msg.text.strip(), f"{search_path(lang)}: without JavaScript the no-JS message is not shown"
    assert not nojs_driver.find_elements(By.CSS_SELECTOR, "#waymark-search-results li"), "results without JavaScript?"
    links = [a for a in nojs_driver.find_elements(By.CSS_SELECTOR, "main a[href]")
             if path_of(a.get_attribute("href")).rstrip("/").endswith("a-z")]
    assert links, f"{search_path(lang)}: no link to the A–Z page in <main>"
    links[0].click()
    WebDriverWait(nojs_driver, WAIT).until(lambda d: "layout-a-z" in (d.find_element(By.TAG_NAME, "body")
                                                                      .get_attribute("class") or ""))
    assert nojs_driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
    listed = nojs_driver.find_elements(By.CSS_SELECTOR, "main .az-list a[href]")
    assert listed and all(a.is_displayed() for a in listed), f"the {lang} A–Z shows no page links without JavaScript"


class _Page(HTMLParser):
    """<html lang>, <body class>, links in ul.az-list and in nav.site-nav of one HTML file."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = self.body_class = None
        self.az_links: list[str] = []
        self.menu_links: list[str] = []
        self._in: list[str] = []  # open az-list / site-nav containers

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "body":
            self.body_class = classes
        elif tag == "ul" and "az-list" in classes:
            self._in.append("az")
        elif tag == "nav" and "site-nav" in classes:
            self._in.append("menu")
        elif tag in ("ul", "nav"):
            self._in.append("")
        elif tag == "a" and a.get("href") and self._in:
            if "az" in self._in:
                self.az_links.append(a["href"])
            if "menu" in self._in:
                self.menu_links.append(a["href"])

    def handle_endtag(self, tag):
        if tag in ("ul", "nav") and self._in:
            self._in.pop()


def _parse(file: Path) -> _Page:
    p = _Page()
    p.feed(file.read_text(encoding="utf-8"))
    return p


def _is_generated(url_path: str, parsed: _Page, lang: str, default_lang: str) -> bool:
    """Pages Waymark makes itself rather than from Markdown: search, A–Z and tag pages."""
    if set(parsed.body_class or ()) & {"layout-search", "layout-a-z"}:
        return True
    rest = url_path if lang == default_lang else url_path[len(lang) + 1:]
    return rest.startswith("/tags/")


def test_az_lists_every_page_of_its_language(site):
    pages = [p for p in discover_pages(site) if p.url_path != MISSING_PATH]
    parsed = {p.url_path: _parse(p.file) for p in pages}
    default_lang = parsed["/"].lang
    az_pages = {path: pp.lang for path, pp in parsed.items() if "layout-a-z" in (pp.body_class or ())}
    assert az_pages, "no A–Z page (body.layout-a-z) in the site"
    langs = {pp.lang for pp in parsed.values()}
    missing_az = sorted(langs - set(az_pages.values()))
    assert not missing_az, f"languages without an A–Z page: {missing_az}"
    problems = []
    for az_path, lang in sorted(az_pages.items()):
        expected = {path for path, pp in parsed.items()
                    if pp.lang == lang and not _is_generated(path, pp, lang, default_lang)}
        listed = []
        for href in parsed[az_path].az_links:
            parts = urlsplit(urljoin("http://site.test" + az_path, href))
            target = unquote(parts.path)
            file = site / target.lstrip("/") / "index.html" if target.endswith("/") else site / target.lstrip("/")
            if parts.netloc != "site.test" or not file.is_file():
                problems.append(f"{az_path}: {href} does not lead to a page of the site")
            elif REDIRECT_RE.search(file.read_text(encoding="utf-8", errors="replace")):
                problems.append(f"{az_path}: {href} leads to a redirect page")
            else:
                listed.append(target)
        if not listed:
            problems.append(f"{az_path}: lists no pages (ul.az-list a)")
        if dup := sorted({t for t in listed if listed.count(t) > 1}):
            problems.append(f"{az_path}: lists pages twice: {dup}")
        if missing := sorted(expected - set(listed)):
            problems.append(f"{az_path}: leaves out {lang} pages {missing}")
        if extra := sorted(set(listed) - expected):
            problems.append(f"{az_path}: lists pages that are not {lang} pages made from Markdown: {extra}")
        # Every page of this language in the main menu of the language's home page is in its A–Z.
        home = "/" if lang == default_lang else f"/{lang}/"
        if home in parsed:
            for href in parsed[home].menu_links:
                target = unquote(urlsplit(urljoin("http://site.test" + home, href)).path)
                if target in parsed and parsed[target].lang == lang and target not in listed \
                        and not _is_generated(target, parsed[target], lang, default_lang):
                    problems.append(f"{az_path}: the menu of {home} links to {target}, which is not in the A–Z")
    assert not problems, "A–Z pages:\n  " + "\n  ".join(problems)


# --- (g0) typing mistakes and synonyms ------------------------------------------------------------

CORRECTED = """
const line = document.getElementById('waymark-search-corrected');
const button = document.getElementById('waymark-search-exact');
return {shown: !!line && !line.hidden && line.getClientRects().length > 0,
        button: button ? button.textContent.trim() : null};
"""


def form_texts(driver) -> dict:
    return driver.execute_script("return Object.assign({}, document.getElementById('waymark-search').dataset)")


@pytest.mark.parametrize("lang, typed, corrected, relevant", [
    ("en", "helpine", "helpline", {"/report/", "/", "/flyers/general-public/"}),
    ("en", "traffiking", "trafficking", {"/spot-the-signs/", "/strategy/", "/about/partners/"}),
    ("pl", "niewolnitwo", "niewolnictwo", {"/pl/", "/pl/spot-the-signs/", "/pl/flyers/general-public/"}),
    ("ro", "exlpoatare sexuala", "exploatare sexuala", {"/ro/spot-the-signs/"}),
    ("lt", "prekba žmonėmis", "prekyba žmonėmis", {"/lt/spot-the-signs/", "/lt/about/partners/"}),
    ("ar", "الاسغتلال الجنسي", "الاستغلال الجنسي", {"/ar/spot-the-signs/"}),
], ids=["en-helpine", "en-traffiking", "pl-niewolnitwo", "ro-exlpoatare", "lt-prekba", "ar-istighlal"])
def test_typing_mistake_is_corrected_and_can_be_undone(lang, typed, corrected, relevant, driver, server):
    open_search(driver, server, lang)
    texts = form_texts(driver)
    assert "{corrected}" in texts.get("corrected", "") and "{query}" in texts.get("exact", ""), (
        f"{search_path(lang)}: the form lacks data-corrected / data-exact texts: {texts}")
    shown = type_query(driver, typed)
    where = f"{search_path(lang)} {typed!r}"
    # The live region says what was searched instead: "No pages match “helpine”. Showing results for “helpline”."
    before, after = texts["corrected"].replace("{query}", typed).split("{corrected}")
    status = shown["status"]
    assert status.startswith(before) and after in status[len(before):], (
        f"{where}: the status should start with {texts['corrected']!r} filled in, says {status!r}")
    instead = status[len(before):status.index(after, len(before))]
    assert fold(instead) == fold(corrected), f"{where}: shows results for {instead!r}, expected {corrected!r}"
    paths = [path_of(r["href"]) for r in shown["results"]]
    assert relevant & set(paths[:TOP]), f"{where}: none of {sorted(relevant)} in the top {TOP}: {paths}"
    check_marks(shown, corrected, where + f" (as {corrected!r})")
    line = driver.execute_script(CORRECTED)
    assert line["shown"], f"{where}: the 'search as typed' line is not shown"
    assert line["button"] == texts["exact"].replace("{query}", typed), f"{where}: the button says {line['button']!r}"

    # Undo: search for exactly what was typed.
    driver.find_element(By.ID, "waymark-search-exact").click()
    WebDriverWait(driver, WAIT).until(
        lambda d: not d.execute_script(CORRECTED)["shown"] and not (state(d)["status"] or "").startswith(before)
        and typed in (state(d)["status"] or ""),
        f"{where}: after 'search as typed' the status still shows the correction: {state(driver)['status']!r}")
    exact_paths = [path_of(r["href"]) for r in state(driver)["results"]]
    assert driver.switch_to.active_element == driver.find_element(By.ID, "waymark-search-q"), (
        f"{where}: after 'search as typed' the focus should be back in the search box")
    assert parse_qs(urlsplit(driver.current_url).query).get("exact") == ["1"], (
        f"{where}: the address should say exact=1 after 'search as typed': {driver.current_url}")
    # The address keeps it: opened again, the page searches as typed.
    driver.get(driver.current_url)
    WebDriverWait(driver, WAIT).until(lambda d: typed in (state(d)["status"] or ""))
    assert not driver.execute_script(CORRECTED)["shown"], f"{where}: ?exact=1 should not correct"
    assert [path_of(r["href"]) for r in state(driver)["results"]] == exact_paths


def test_correct_words_and_numbers_are_not_corrected(driver, server):
    open_search(driver, server, "en")
    for query in ("helpline", "cuckooing", "0800 0121"):
        shown = type_query(driver, query)
        assert not driver.execute_script(CORRECTED)["shown"], f"/search/ {query!r}: offers a correction: {shown['status']!r}"
    found = run_searches(driver, ["0800 0127 00", "zqxjvw"], top=None)
    assert not found[1]["results"], "'zqxjvw' is no word of the site, and nothing is close to it"


def test_declared_synonyms_find_each_other(driver, server):
    # content/site.yaml: MSEH ↔ helpline, quick exit ↔ exit this page, NRM ↔ National Referral Mechanism.
    open_search(driver, server, "en")
    mseh, quick, helpline = run_searches(driver, ["MSEH", "quick exit", "helpline"], top=None)
    assert mseh["total"] == helpline["total"] > 0, f"MSEH finds {mseh['total']} pages, helpline {helpline['total']}"
    assert {path_of(r["url"]) for r in mseh["results"]} == {path_of(r["url"]) for r in helpline["results"]}
    assert "/staying-safe-online/" in [path_of(r["url"]) for r in quick["results"][:TOP]], (
        f"'quick exit' should find the page that explains 'exit this page': {[r['url'] for r in quick['results']]}")
    shown = type_query(driver, "MSEH")
    assert not driver.execute_script(CORRECTED)["shown"], "a declared synonym is not a typing mistake"
    marks = {fold(m) for r in shown["results"] for m in r["marks"]}
    assert marks and marks <= {"helpline", "helplines", "mseh"}, f"MSEH should mark the helpline: {sorted(marks)}"
    open_search(driver, server, "pl")
    zaufania = run_searches(driver, ["telefon zaufania"], top=TOP)[0]
    assert {path_of(r["url"]) for r in zaufania["results"]} & {"/pl/report/", "/pl/", "/pl/flyers/general-public/"}, (
        f"/pl/search/ 'telefon zaufania' (declared as infolinia): {[r['url'] for r in zaufania['results']]}")


@pytest.mark.parametrize("query, other_form, expected", [
    ("traffickers", "trafficking", "/strategy/"),
    ("exploiting", "exploitation", "/pathways/children/"),
    ("identifying", "identified", "/pathways/"),
], ids=["traffickers", "exploiting", "identifying"])
def test_english_words_find_their_other_forms(query, other_form, expected, driver, server):
    # The query's own form may be rare or absent; Porter2 gives both words one stem.
    assert english_stems([query])[0] == english_stems([other_form])[0]
    open_search(driver, server, "en")
    shown = type_query(driver, query)
    where = f"/search/ {query!r}"
    paths = [path_of(r["href"]) for r in shown["results"]]
    assert expected in paths, f"{where}: {expected} is not among the results: {paths}"
    check_marks(shown, query, where)
    marks = {fold(m) for r in shown["results"] for m in r["marks"]}
    assert marks - {query}, f"{where}: only the word itself is marked, no other form of it: {sorted(marks)}"
    assert not driver.execute_script(CORRECTED)["shown"], f"{where}: a word with other forms is no typing mistake"
    # Polish pages do not stem: there the shared-start rule alone applies.
    open_search(driver, server, "pl")
    assert not driver.execute_script("return !!(window.WaymarkStemmers && window.WaymarkStemmers.en)"), (
        "/pl/search/ loads the English stemmer")


# --- (g) accessibility with results shown ------------------------------------------------------

@pytest.mark.parametrize("lang, query", [("en", "county lines"), ("ar", "العبودية الحديثة"), ("pl", "niewolnitwo")])
def test_axe_search_page_with_results(lang, query, driver, server):
    open_search(driver, server, lang)
    shown = type_query(driver, query)
    assert len(shown["results"]) >= 2, f"{search_path(lang)} {query!r}: too few results to check ({len(shown['results'])})"
    axe_js = (resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
    driver.execute_script(axe_js)
    result = driver.execute_async_script(AXE_RUN, AXE_TAGS)
    assert "error" not in result, f"axe-core did not run: {result.get('error')}"
    lines = []
    for v in result["violations"]:
        lines.append(f"{v['id']} [{v['impact']}]: {v['help']}")
        for node in v["nodes"]:
            lines.append(f"    {', '.join(map(str, node['target']))}")
            lines.extend(f"        {s}" for s in (node["summary"] or "").splitlines())
    assert not lines, (f"{len(result['violations'])} axe violation(s) on {search_path(lang)} with results for "
                       f"{query!r}:\n" + "\n".join(lines))


# --- (h) result quality --------------------------------------------------------------------------

def test_result_quality(driver, server, capsys):
    queries = json.loads(QUALITY.read_text(encoding="utf-8"))["queries"]
    assert len(queries) >= 20, f"{QUALITY} holds only {len(queries)} queries"
    by_lang: dict[str, list[dict]] = defaultdict(list)
    for q in queries:
        by_lang[q["lang"]].append(q)
    hits, misses = 0, []
    for lang, items in sorted(by_lang.items()):
        open_search(driver, server, lang)
        page_lang = driver.execute_script("return document.documentElement.lang")
        assert page_lang == lang, f"{search_path(lang)} has lang={page_lang!r}"
        for item, found in zip(items, run_searches(driver, [i["q"] for i in items])):
            top = [path_of(r["url"]) for r in found["results"]]
            if set(top) & set(item["relevant"]):
                hits += 1
            else:
                shown = ", ".join(f"{path_of(r['url'])}{'#' + urlsplit(r['url']).fragment if urlsplit(r['url']).fragment else ''}"
                                  f" ({r['title']})" for r in found["results"]) or "nothing"
                misses.append(f"[{lang}] {item['q']!r}: want one of {item['relevant']}; "
                              f"top {TOP} of {found['total']}: {shown}")
    rate = hits / len(queries)
    report = f"search quality: {hits}/{len(queries)} queries ({rate:.0%}) have a relevant page in the top {TOP}"
    with capsys.disabled():
        print("\n" + report + ("\n  misses:\n    " + "\n    ".join(misses) if misses else ""))
    assert rate >= QUALITY_MIN, f"{report}, below {QUALITY_MIN:.0%}. Misses:\n  " + "\n  ".join(misses)
