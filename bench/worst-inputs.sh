#!/usr/bin/env bash
# The worst single inputs we could think of, each built on its own: prints exit status, wall
# time and peak memory of `waymark build` for each. A build must never crash, hang or grow
# memory out of proportion to its input; the nested ones must stop with an error at their line.
# Usage: bench/worst-inputs.sh            Environment: WAYMARK=path to a release binary
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
waymark=${WAYMARK:-}
if [[ -z $waymark ]]; then
  waymark=$("$repo/scripts/build-release")
fi
[[ -x /usr/bin/time ]] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

# NAME BODY-GENERATOR (Python expression producing the page's Markdown after its front matter)
make() {
  mkdir -p "$work/$1/content"
  printf 'title: Worst inputs\nbase_url: https://example.org/\ndefault_language: en\nlanguages: [{code: en, name: English}]\n' > "$work/$1/content/site.yaml"
  printf -- '---\ntitle: Home\n---\nSee [the page](page.md).\n' > "$work/$1/content/index.md"
  python3 - "$work/$1/content/page.md" "$2" <<'PY'
import sys
path, expression = sys.argv[1], sys.argv[2]
with open(path, "w") as out:
    out.write("---\ntitle: Page\n---\n")
    out.write(eval(expression))
PY
}

make baseline              '"Call 999.\n"'
make line-50MB             '"word " * 10_000_000 + "\n"'
make table-cell-10MB       '"| a | b |\n|---|---|\n| " + "x" * 10_000_000 + " | y |\n"'
make headings-100k         '"".join(f"## Heading {i}\n\nText {i}.\n\n" for i in range(100_000))'
make same-headings-100k     '"## Same\n\nText.\n\n" * 100_000'
make links-100k            '"".join("[home](index.md) " for i in range(100_000)) + "\n"'
make quotes-100k-deep      '">" * 100_000 + " deep\n"'
make list-100k-deep        '"- " * 100_000 + "deep\n"'
make emphasis-50k-stars    '"*" * 50_000 + "a" + "*" * 50_000 + "\n"'
make emphasis-50k-nested   '"*a " * 50_000 + "b" + "* c" * 50_000 + "\n"'
make brackets-50k          '"[" * 50_000 + "a\n"'
make images-20k-nested     '"![" * 20_000 + "a" + "](u)" * 20_000 + "\n"'
make backticks-1M          '"`" * 1_000_000 + "\n"'
make html-50MB-one-line    '"<div>" + "x" * 50_000_000 + "</div>\n"'

printf '| input | page size | exit | wall s | peak RSS MB |\n|---|---|---|---|---|\n'
for dir in "$work"/*/; do
  name=$(basename "$dir")
  size=$(du -h "$dir/content/page.md" | cut -f1)
  set +e
  /usr/bin/time -f "%e %M" -o "$work/time" "$waymark" build --quiet --source "$dir/content" --theme "$repo/theme" \
    --output "$dir/output" > /dev/null 2> "$work/stderr"
  status=$?
  set -e
  read -r wall kb < <(tail -1 "$work/time")
  printf '| %s | %s | %s | %s | %s |\n' "$name" "$size" "$status" "$wall" "$((kb / 1024))"
  if [[ $status -ne 0 ]]; then grep -m1 'error:' "$work/stderr" | cut -c1-160 | sed 's/^/    /' >&2; fi
done
