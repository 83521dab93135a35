#!/usr/bin/env python3
"""Summarise searchbench `measure` JSONs of Pagefind and Waymark on the same site, as Markdown.

    python3 bench/search/summarise.py --title "2000, en" \
        --pagefind RESULTS/pagefind-2000-en.json --waymark RESULTS/waymark-2000-en.json \
        [--pagefind-index RESULTS/pagefind-index-2000.json] [--waymark-build RESULTS/waymark-build-2000.json] \
        [--waymark-site /tmp/.../out-2000]

Prints: a headline table (first-query server bytes, median and range; bootstrap; later queries
in the same visit; latency; index time and size; top-3 agreement), a row per query, and where
each engine's first-query bytes go, by kind of file. Either engine's JSON may be missing (the
column then shows '-'). Bytes are the `server` count (every byte the local server sent,
headers included, gzip where the browser asked), which also sees Web Worker fetches.
"""

import argparse
import json
import os
import re
import statistics
import urllib.parse


def load(path):
    if not path or not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def kb(n):
    return "-" if n is None else f"{n / 1000:.1f}"


def ms(n):
    return "-" if n is None else f"{n:.0f}"


def ratio(w, p):
    if w is None or p is None or p == 0:
        return "-"
    return f"{w / p:.2f}×"


def norm_url(u):
    """Compare result URLs across engines: path only, no fragment, no index.html, no query."""
    if not u:
        return u
    parts = urllib.parse.urlsplit(u)
    path = urllib.parse.unquote(parts.path)
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    if not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
        path += "/"
    return path


FILE_KINDS = [
    # (regex on the URL path, kind)
    (r"/pagefind/pagefind\.js$", "pagefind.js (API)"),
    (r"/pagefind/pagefind-worker\.js$", "pagefind-worker.js"),
    (r"/pagefind/pagefind-entry\.json$", "pagefind-entry.json"),
    (r"\.pf_meta$", ".pf_meta (page table, chunk ranges)"),
    (r"/wasm\.[^/]+\.pagefind$", "wasm core"),
    (r"\.pf_index$", "word index chunks"),
    (r"\.pf_fragment$", "result fragments"),
    (r"\.pf_filter$", "filters"),
    (r"/assets/js/search\.[^/]*\.js$", "search.<hash>.js (client)"),
    (r"/search-index/[^/]+/meta[^/]*\.json$|/search/[^/]+/meta[^/]*\.json$", "meta.json (entry)"),
    (r"/t(\.[0-9a-f]+)?/[^/]+$", "term shards (t.<hash>/)"),
    (r"/f(\.[0-9a-f]+)?/[^/]+$", "fragments (f.<hash>/)"),
    (r"\.html?$|/$", "HTML pages"),
    (r"\.js$", "other JS"),
    (r"\.json$", "other JSON"),
]


def kind_of(path):
    p = urllib.parse.urlsplit(path).path
    for rx, k in FILE_KINDS:
        if re.search(rx, p):
            return k
    return "other"


def headline(o):
    """Numbers from one measure JSON (trial 0 for bytes, as searchbench does; median ms over trials)."""
    if o is None:
        return {}
    cold = o.get("cold", [])
    s = o.get("summary", {})
    h = {
        "first_med": s.get("first_query_server_bytes", {}).get("median"),
        "first_min": s.get("first_query_server_bytes", {}).get("min"),
        "first_max": s.get("first_query_server_bytes", {}).get("max"),
        "boot": s.get("bootstrap_bytes"),
        "first_req": s.get("first_query_requests_median"),
        "first_ms": s.get("first_query_ms_median"),
        "later_ms": s.get("subsequent_query_ms_median"),
        "repeat_ms": s.get("repeat_query_ms_median"),
        "revisit": s.get("revisit_first_query_server_bytes"),
        "page_load": (o.get("page_load") or {}).get("server_bytes"),
    }
    sess = o.get("session")
    if sess:
        # Later queries: every query after the first of the visit. Also the median of those
        # that found something, since a miss downloads little with either engine.
        later = sess["pass1"][1:]
        h["later_med"] = med([t["server"]["bytes"] for t in later])
        h["later_min"] = min([t["server"]["bytes"] for t in later], default=None)
        h["later_max"] = max([t["server"]["bytes"] for t in later], default=None)
        h["later_hit_med"] = med([t["server"]["bytes"] for t in later if t.get("total_results")])
    # by kind: mean bytes per first query (trial 0 of each query)
    kinds = {}
    for c in cold:
        for f in c["trials"][0]["server"]["files"]:
            k = kind_of(f["path"])
            e = kinds.setdefault(k, [0, 0])
            e[0] += f["bytes"]
            e[1] += 1
    n = max(1, len(cold))
    h["kinds"] = {k: (v[0] / n, v[1] / n) for k, v in kinds.items()}
    return h


def per_query(o):
    out = {}
    if o is None:
        return out
    sess = {t["query"]: t for t in (o.get("session") or {}).get("pass1", [])}
    first_q = (o.get("session") or {}).get("pass1", [{}])[0].get("query")
    for c in o.get("cold", []):
        t = c["trials"][0]
        s = sess.get(c["query"])
        out[c["query"]] = {
            "kind": c.get("kind"),
            "results": t.get("total_results"),
            "first": t["server"]["bytes"],
            "first_req": t["server"]["requests"],
            "first_ms": med([x["ms"] for x in c["trials"]]),
            "later": None if (s is None or c["query"] == first_q) else s["server"]["bytes"],
            "top": [norm_url(x.get("url")) for x in t.get("top", [])],
        }
    return out


def dir_size(root, pred=lambda rel: True):
    n = b = 0
    if root and os.path.isdir(root):
        for dp, _, fns in os.walk(root):
            for fn in fns:
                p = os.path.join(dp, fn)
                if pred(os.path.relpath(p, root)):
                    n += 1
                    b += os.path.getsize(p)
    return n, b


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--title", default="")
    ap.add_argument("--pagefind", help="measure JSON, Pagefind engine")
    ap.add_argument("--waymark", help="measure JSON, Waymark engine")
    ap.add_argument("--pagefind-index", help="searchbench index JSON")
    ap.add_argument("--waymark-build", help="JSON written by compare-search.sh (build timings)")
    ap.add_argument("--waymark-site", help="Waymark output folder (to size its search index)")
    ap.add_argument("--top", type=int, default=3, help="top-k for agreement (default 3)")
    args = ap.parse_args(argv)

    pf, wm = load(args.pagefind), load(args.waymark)
    hp, hw = headline(pf), headline(wm)
    qp, qw = per_query(pf), per_query(wm)
    pidx, wbuild = load(args.pagefind_index), load(args.waymark_build)

    L = [f"### {args.title}" if args.title else "### Pagefind vs Waymark search", ""]
    page = (pf or wm or {}).get("page")
    br = (pf or wm or {}).get("browser")
    L.append(f"Page opened: `{page}`; Chromium {br}; loopback, host gzip; bytes = everything the server "
             f"sent for requests started during the query (headers + body). First query: fresh profile, "
             f"trial 1 of {len(((pf or wm) or {}).get('cold', [{}])[0].get('trials', [])) if (pf or wm) else 0}; "
             f"ms = median over trials.")
    L.append("")

    # agreement
    agree = []
    for q in qp:
        if q in qw:
            a, b = qp[q]["top"][: args.top], qw[q]["top"][: args.top]
            if a or b:
                agree.append((q, len(set(a) & set(b)), max(len(a), len(b))))
    agree_txt = "-"
    if agree:
        hits = sum(x[1] for x in agree)
        tot = sum(x[2] for x in agree)
        agree_txt = f"{hits}/{tot} URLs ({100 * hits / tot:.0f}%) over {len(agree)} queries with results"

    L.append("| metric | Pagefind | Waymark | Waymark / Pagefind |")
    L.append("|---|---:|---:|---:|")

    def row(name, p, w, fmt=kb, r=True):
        L.append(f"| {name} | {fmt(p)} | {fmt(w)} | {ratio(w, p) if r else ''} |")

    def rng(h, a, b):
        return "-" if h.get(a) is None else f"{kb(h.get(a))}–{kb(h.get(b))}"

    row("first query, kB (median)", hp.get("first_med"), hw.get("first_med"))
    L.append(f"| first query, kB (range) | {rng(hp, 'first_min', 'first_max')} | {rng(hw, 'first_min', 'first_max')} | |")
    row("of which bootstrap (every first query), kB", hp.get("boot"), hw.get("boot"))
    row("first query, requests (median)", hp.get("first_req"), hw.get("first_req"), fmt=lambda x: "-" if x is None else f"{x:.0f}")
    row("first query, ms (median, loopback)", hp.get("first_ms"), hw.get("first_ms"), fmt=ms)
    row("later query same visit, kB (median)", hp.get("later_med"), hw.get("later_med"))
    row("later query with results, kB (median)", hp.get("later_hit_med"), hw.get("later_hit_med"))
    L.append(f"| later query, kB (range) | {rng(hp, 'later_min', 'later_max')} | {rng(hw, 'later_min', 'later_max')} | |")
    row("later query, ms (median)", hp.get("later_ms"), hw.get("later_ms"), fmt=ms)
    row("repeat (cached) query, ms (median)", hp.get("repeat_ms"), hw.get("repeat_ms"), fmt=lambda x: "-" if x is None else f"{x:.1f}")
    row("revisit first query, kB", hp.get("revisit"), hw.get("revisit"))
    row("page load before searching, kB", hp.get("page_load"), hw.get("page_load"))

    p_idx = pidx.get("wall_s_median") if pidx else None
    p_txt = "-" if p_idx is None else f"{p_idx:.2f} (pagefind run)"
    w_stage = wbuild.get("search_stage_s") if wbuild else None
    w_diff = None
    if wbuild and wbuild.get("search_off_total_s") is not None and wbuild.get("total_s") is not None:
        w_diff = wbuild["total_s"] - wbuild["search_off_total_s"]
    if w_stage is not None or w_diff is None:
        L.append(f"| index time, s (median): Waymark's '{(wbuild or {}).get('search_stage_name') or 'search'}' stage | {p_txt} | "
                 f"{'-' if w_stage is None else f'{w_stage:.3f}'} | {ratio(w_stage, p_idx)} |")
    if w_diff is not None:
        L.append(f"| index time, s (median): Waymark build with search minus without | {p_txt} | {w_diff:.2f} | {ratio(w_diff, p_idx)} |")
    if wbuild and wbuild.get("search_off_stages_s") and wbuild.get("stages_s"):
        # CPU-side cost: every stage but writing files (the disk, shared with other work, is noisy)
        cpu = lambda st: sum(v for k, v in st.items() if not k.startswith("write"))
        w_cpu = cpu(wbuild["stages_s"]) - cpu(wbuild["search_off_stages_s"])
        L.append(f"| index time, s (median): same, stages before writing files | {p_txt} | {w_cpu:.2f} | {ratio(w_cpu, p_idx)} |")
    if wbuild:
        extra = f"; without search {wbuild['search_off_total_s']:.2f}" if wbuild.get("search_off_total_s") is not None else ""
        L.append(f"| Waymark whole build, s (median of {wbuild.get('runs')}) | | {wbuild.get('total_s', 0):.2f}{extra} | |")
    if pidx:
        L.append(f"| Pagefind bundle without UI, kB / files | {kb(pidx['sizes']['total_without_ui_bytes'])} / "
                 f"{pidx['sizes']['total']['files'] - pidx['sizes']['by_kind'].get('UI and other assets', {}).get('files', 0)} | | |")
    if args.waymark_site:
        n1, b1 = dir_size(os.path.join(args.waymark_site, "search-index"))
        n2, b2 = dir_size(os.path.join(args.waymark_site, "assets", "js"), lambda rel: rel.startswith("search."))
        if n1 or n2:
            L.append(f"| Waymark search index + client, kB / files | | {kb(b1 + b2)} / {n1 + n2} | |")
    L.append(f"| top-{args.top} agreement (same URLs) | | {agree_txt} | |")
    L.append("")

    # per query
    L.append("| query | kind | results P / W | first kB P / W | first req P / W | first ms P / W | later kB P / W | top-3 shared |")
    L.append("|---|---|---:|---:|---:|---:|---:|---:|")
    ag = {q: f"{h}/{t}" for q, h, t in agree}
    for q in list(qp) + [q for q in qw if q not in qp]:
        a, b = qp.get(q, {}), qw.get(q, {})
        L.append(f"| `{q}` | {a.get('kind') or b.get('kind') or ''} | {a.get('results', '-')} / {b.get('results', '-')} | "
                 f"{kb(a.get('first'))} / {kb(b.get('first'))} | {a.get('first_req', '-')} / {b.get('first_req', '-')} | "
                 f"{ms(a.get('first_ms'))} / {ms(b.get('first_ms'))} | {kb(a.get('later'))} / {kb(b.get('later'))} | "
                 f"{ag.get(q, '-')} |")
    L.append("")

    # bytes by kind
    for name, h in (("Pagefind", hp), ("Waymark", hw)):
        if not h.get("kinds"):
            continue
        L.append(f"{name}, where a first query's bytes go (mean over queries):")
        L.append("")
        L.append("| kind of file | kB per first query | files per first query | share |")
        L.append("|---|---:|---:|---:|")
        tot = sum(v[0] for v in h["kinds"].values()) or 1
        for k, (b, n) in sorted(h["kinds"].items(), key=lambda kv: -kv[1][0]):
            L.append(f"| {k} | {kb(b)} | {n:.1f} | {100 * b / tot:.0f}% |")
        L.append("")

    # top results side by side, for queries that disagree
    diffs = [(q, qp[q]["top"][: args.top], qw[q]["top"][: args.top]) for q, h, t in agree if h < t]
    if diffs:
        L.append(f"Top-{args.top} where the engines differ:")
        L.append("")
        for q, a, b in diffs:
            L.append(f"- `{q}`: Pagefind {', '.join(a) or '(none)'} · Waymark {', '.join(b) or '(none)'}")
        L.append("")
    print("\n".join(L))


if __name__ == "__main__":
    main()
