#!/usr/bin/env python3
"""Result quality, Waymark's search against Pagefind, on the same built site and the same query set.

    python3 bench/search/quality.py SITE_DIR [--queries Tests/search/quality.json] [--json OUT]

Indexes SITE_DIR (a Waymark build) with Pagefind, restricted to <main> as compare-search.sh does,
into a temporary folder; serves both on 127.0.0.1; then, in headless Chromium, opens each
language's home page and runs every query of that language through each engine's JavaScript API,
loading the top three results. A query is a hit when one of its relevant pages (URL path, anchor
ignored) is among them. Prints the hit rate per language and overall, and each query where the
engines differ. Needs chromium, chromium-driver and `pip install pagefind-bin selenium`."""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import re
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
TOP = 3
PAGEFIND_ARGS = ["--root-selector", "main", "--exclude-selectors", ".toc, .heading-anchor"]

PAGEFIND_JS = """
const [queries, top, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
(async () => {
  const pf = await import('/pagefind/pagefind.js');
  const out = [];
  for (const q of queries) {
    const found = await pf.search(q);
    const data = await Promise.all(found.results.slice(0, top).map((r) => r.data()));
    out.push({total: found.results.length, urls: data.map((d) => d.url)});
  }
  return out;
})().then(done, (e) => done({error: String(e && e.stack || e)}));
"""

WAYMARK_JS = """
const [queries, top, script, done] = [arguments[0], arguments[1], arguments[2], arguments[arguments.length - 1]];
(async () => {
  if (!window.WaymarkSearch) {
    await new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = script;
      s.onload = resolve;
      s.onerror = reject;
      document.head.append(s);
    });
  }
  const out = [];
  for (const q of queries) {
    const found = await window.WaymarkSearch.search(q);
    const data = await Promise.all(found.results.slice(0, top).map((r) => r.load()));
    out.push({total: found.total, urls: data.map((d) => new URL(d.url).pathname)});
  }
  return out;
})().then(done, (e) => done({error: String(e && e.stack || e)}));
"""


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site, and the Pagefind bundle under /pagefind/."""

    def __init__(self, *args, site: str, bundle: str, **kwargs):
        self.bundle = bundle
        super().__init__(*args, directory=site, **kwargs)

    def translate_path(self, path):
        if urlsplit(path).path.startswith("/pagefind/"):
            return str(Path(self.bundle) / urlsplit(path).path[len("/pagefind/"):])
        return super().translate_path(path)

    def log_message(self, *args):
        pass


def chrome():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(120)
    return driver


def pagefind_index(site: Path, out: Path) -> None:
    import pagefind_bin

    run = subprocess.run([pagefind_bin.get_executable(), "--site", str(site), "--output-path", str(out), *PAGEFIND_ARGS],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"pagefind failed:\n{run.stdout}{run.stderr}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("--queries", type=Path, default=REPO / "Tests/search/quality.json")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    queries = json.loads(args.queries.read_text(encoding="utf-8"))["queries"]
    search_page = (args.site / "search/index.html").read_text(encoding="utf-8")
    script = "/" + re.search(r'src="(?:\.\./)*([^"]*search\.[0-9a-f]+\.js)"', search_page).group(1)

    with tempfile.TemporaryDirectory() as bundle:
        pagefind_index(args.site, Path(bundle))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, site=str(args.site), bundle=bundle))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        driver = chrome()
        results = {"pagefind": {}, "waymark": {}}
        try:
            for lang in sorted({q["lang"] for q in queries}):
                mine = [q["q"] for q in queries if q["lang"] == lang]
                for engine, code, extra in (("pagefind", PAGEFIND_JS, []), ("waymark", WAYMARK_JS, [script])):
                    driver.get(base + ("/" if lang == "en" else f"/{lang}/"))  # a fresh page per engine
                    got = driver.execute_async_script(code, mine, TOP, *extra)
                    if isinstance(got, dict):
                        raise SystemExit(f"{engine} failed on /{lang}/: {got['error']}")
                    results[engine][lang] = dict(zip(mine, got))
        finally:
            driver.quit()
            server.shutdown()

    def hit(engine, q):
        urls = results[engine][q["lang"]][q["q"]]["urls"]
        return any(urlsplit(u).path in q["relevant"] for u in urls)

    print(f"# Top-{TOP} result quality: {args.queries} on {args.site}\n")
    print("| language | queries | Pagefind hits | Waymark hits |")
    print("|---|---:|---:|---:|")
    totals = [0, 0, 0]
    for lang in sorted({q["lang"] for q in queries}):
        mine = [q for q in queries if q["lang"] == lang]
        p, w = sum(hit("pagefind", q) for q in mine), sum(hit("waymark", q) for q in mine)
        totals = [totals[0] + len(mine), totals[1] + p, totals[2] + w]
        print(f"| {lang} | {len(mine)} | {p} | {w} |")
    n, p, w = totals
    print(f"| **all** | {n} | **{p} ({p / n:.0%})** | **{w} ({w / n:.0%})** |\n")
    print("Queries where the engines differ:\n")
    for q in queries:
        if hit("pagefind", q) != hit("waymark", q):
            show = lambda e: ", ".join(urlsplit(u).path for u in results[e][q["lang"]][q["q"]]["urls"]) or "none"
            print(f"- [{q['lang']}] `{q['q']}` (want {', '.join(q['relevant'])}): "
                  f"Pagefind {'hit' if hit('pagefind', q) else 'miss'} ({show('pagefind')}); "
                  f"Waymark {'hit' if hit('waymark', q) else 'miss'} ({show('waymark')})")
    if args.json:
        args.json.write_text(json.dumps({"queries": str(args.queries), "results": results,
                                         "hits": {"pagefind": p, "waymark": w, "total": n}}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
