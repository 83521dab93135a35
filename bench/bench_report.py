#!/usr/bin/env python3
"""Markdown table for compare-hugo.sh: timings from `/usr/bin/time -v` files and page kinds
counted in each generator's output folder.

Usage: bench_report.py CORPUS_DIR TIMES_DIR NAME=OUTPUT_DIR [NAME=OUTPUT_DIR]
  CORPUS_DIR  made by gen.py (its corpus.json names the languages and sections)
  TIMES_DIR   holds NAME.RUN.time.txt files, one per timed run
The first NAME is the baseline for the ratio column (Hugo).
"""
from __future__ import annotations

import json
import re
import statistics
import sys
from pathlib import Path

REDIRECT_RE = re.compile(rb"""<meta[^>]+http-equiv\s*=\s*["']?refresh""", re.IGNORECASE)
HTML_KINDS = ["content pages", "home pages", "section lists", "tag index pages", "tag pages",
              "404 pages", "redirects", "other HTML"]
XML_KINDS = ["feeds", "sitemaps", "other XML"]


def parse_time(f: Path) -> tuple[float, int, float]:
    """(wall seconds, peak RSS KB, user+system CPU seconds) from a GNU time -v report."""
    text = f.read_text()
    wall = re.search(r"Elapsed \(wall clock\) time .*: (\S+)", text).group(1)
    secs = 0.0
    for part in wall.split(":"):  # h:mm:ss or m:ss.ss
        secs = secs * 60 + float(part)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    cpu = sum(float(re.search(rf"{k} time \(seconds\): (\S+)", text).group(1)) for k in ("User", "System"))
    return secs, rss, cpu


def classify(out: Path, langs: set[str], sections: set[str]) -> dict[str, int]:
    counts = dict.fromkeys(HTML_KINDS + XML_KINDS, 0)
    counts["all files"] = 0
    for f in out.rglob("*"):
        if not f.is_file():
            continue
        counts["all files"] += 1
        parts = list(f.relative_to(out).parts)
        if f.suffix == ".xml":
            head = f.open("rb").read(1024)
            kind = ("sitemaps" if b"<urlset" in head or b"<sitemapindex" in head else
                    "feeds" if b"<rss" in head or b"<feed" in head else "other XML")
            counts[kind] += 1
            continue
        if f.suffix != ".html":
            continue
        if len(parts) > 1 and parts[0] in langs:  # /LANG/... is the same kind as /...
            parts = parts[1:]
        if REDIRECT_RE.search(f.open("rb").read(4096)):
            kind = "redirects"
        elif parts == ["404.html"]:
            kind = "404 pages"
        elif parts == ["index.html"]:
            kind = "home pages"
        elif len(parts) == 2 and parts[0] in sections and parts[1] == "index.html":
            kind = "section lists"
        elif len(parts) == 3 and parts[0] in sections and parts[2] == "index.html":
            kind = "content pages"
        elif parts == ["tags", "index.html"]:
            kind = "tag index pages"
        elif len(parts) == 3 and parts[0] == "tags" and parts[2] == "index.html":
            kind = "tag pages"
        else:
            kind = "other HTML"
        counts[kind] += 1
    counts["HTML files"] = sum(counts[k] for k in HTML_KINDS)
    counts["XML files"] = sum(counts[k] for k in XML_KINDS)
    return counts


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    corpus, times_dir = Path(argv[0]), Path(argv[1])
    outs = dict(a.split("=", 1) for a in argv[2:])
    manifest = json.loads((corpus / "corpus.json").read_text(encoding="utf-8"))
    langs, sections = set(manifest["languages"]), set(manifest["sections"])
    names = list(outs)
    for n, d in outs.items():
        if not Path(d).is_dir() or not list(times_dir.glob(f"{n}.*.time.txt")):
            sys.exit(f"bench_report: no output folder {d} or no {n}.*.time.txt in {times_dir}")

    runs = {n: [parse_time(f) for f in sorted(times_dir.glob(f"{n}.*.time.txt"))] for n in names}
    counts = {n: classify(Path(d), langs, sections) for n, d in outs.items()}

    others = names[1:]

    def ratios(vals: dict[str, float]) -> list[str]:
        """Each other generator's value over the baseline's."""
        return [f"{vals[n] / vals[names[0]]:.2f}" if vals[names[0]] else "" for n in others]

    blank = [""] * len(others)
    rows = []
    walls = {n: [w for w, _, _ in runs[n]] for n in names}
    rsss = {n: [r / 1024 for _, r, _ in runs[n]] for n in names}
    cpus = {n: [c for _, _, c in runs[n]] for n in names}
    rows.append(["wall, best (s)"] + [f"{min(walls[n]):.2f}" for n in names] + ratios({n: min(walls[n]) for n in names}))
    rows.append(["wall, range (s)"] + [f"{min(walls[n]):.2f}–{max(walls[n]):.2f}" for n in names] + blank)
    # CPU time shows how much of the machine each used (2 cores: up to 2x wall), and is steadier
    # than wall when something else is running.
    rows.append(["CPU user+sys, median (s)"] + [f"{statistics.median(cpus[n]):.2f}" for n in names]
                + ratios({n: statistics.median(cpus[n]) for n in names}))
    rows.append(["peak RSS, median (MiB)"] + [f"{statistics.median(rsss[n]):.0f}" for n in names]
                + ratios({n: statistics.median(rsss[n]) for n in names}))
    rows.append(["peak RSS, range (MiB)"] + [f"{min(rsss[n]):.0f}–{max(rsss[n]):.0f}" for n in names] + blank)
    rows.append(["runs"] + [str(len(runs[n])) for n in names] + blank)
    for k in ["HTML files"] + HTML_KINDS + ["XML files"] + XML_KINDS + ["all files"]:
        label = k if k.endswith("files") else f"  {k}"
        rows.append([label] + [str(counts[n][k]) for n in names] + blank)

    header = ["", *names, *(f"{n}/{names[0]}" for n in others)]
    print(f"{manifest['content_pages_total']} content pages in {len(langs)} languages "
          f"({manifest['markdown_bytes_total'] / 1e6:.1f} MB of Markdown)\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for r in rows:
        print("| " + " | ".join(r) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
