#!/usr/bin/env python3
"""Make a Waymark version of a hugobench corpus (shared/bench/hugobench/gen.py), beside Hugo's.

Usage: adapt_hugobench.py SITE_DIR

Copies SITE_DIR/content to SITE_DIR/waymark-content (replacing it; Hugo's content is untouched),
renames the list pages' _index.md / _index.LANG.md to index.md / index.LANG.md (Waymark's home and
section pages), and writes waymark-content/site.yaml. Pages keep their front matter (title, date,
tags: all Waymark fields) and their root-relative links (/SECTION/page-NNNNN/).
"""
from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

LANG_NAMES = {"en": "English", "pl": "Polski", "ro": "Română", "sq": "Shqip",
              "vi": "Tiếng Việt", "lt": "Lietuvių"}
INDEX_RE = re.compile(r"^_index(\.[a-z]{2,3})?\.md$")
TITLE_RE = re.compile(r'^title:\s*"((?:[^"\\]|\\.)*)"\s*$', re.MULTILINE)


def q(s: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    site = Path(argv[0])
    src, dst = site / "content", site / "waymark-content"
    if not (src / "_index.md").is_file():
        sys.exit(f"adapt_hugobench: {src} is not a gen.py corpus (no _index.md)")
    manifest = json.loads((site / "corpus.json").read_text(encoding="utf-8"))
    languages, sections = manifest["languages"], manifest["sections"]
    if languages[0] != "en":
        sys.exit("adapt_hugobench: expected en as the first (default) language")

    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    renamed = 0
    for f in list(dst.rglob("_index*.md")):
        if INDEX_RE.match(f.name):
            f.rename(f.with_name(f.name[1:]))  # _index.pl.md -> index.pl.md
            renamed += 1

    menu = []
    for sec in sections:  # menu labels: the sections' English titles, as gen.py wrote them
        m = TITLE_RE.search((dst / sec / "index.md").read_text(encoding="utf-8"))
        label = json.loads(f'"{m.group(1)}"') if m else sec
        menu.append(f"  - label: {q(label)}\n    page: {sec}/index.md\n")
    langs = "".join(f"  - code: {l}\n    name: {q(LANG_NAMES[l])}\n    direction: ltr\n" for l in languages)
    (dst / "site.yaml").write_text(
        "# Written by bench/adapt_hugobench.py for the hugobench corpus.\n"
        f"title: {q('hugobench')}\n"
        "base_url: https://example.org/\n"
        "default_language: en\n"
        f"languages:\n{langs}"
        "exit_url: https://www.bbc.co.uk/weather\n"
        f"menu:\n{''.join(menu)}",
        encoding="utf-8")
    pages = sum(1 for _ in dst.rglob("*.md"))
    print(f"adapt_hugobench: {dst}: {pages} Markdown files ({renamed} index pages renamed), site.yaml "
          f"with {len(languages)} languages and {len(sections)} menu entries")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
