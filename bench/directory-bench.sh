#!/usr/bin/env bash
# How much a large partner directory adds to a build: the example site built with its own
# partners.csv and with a generated one of N rows (default 2000), alternating, RUNS times each.
# Usage: bench/directory-bench.sh [ROWS]        Environment: RUNS=5, WAYMARK=path to a release binary
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
rows=${1:-2000}
runs=${RUNS:-5}
waymark=${WAYMARK:-}
if [[ -z $waymark ]]; then
  waymark=$("$repo/scripts/build-release")
fi
[[ -x /usr/bin/time ]] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -r "$repo/content" "$work/small"
cp -r "$repo/content" "$work/large"
python3 "$here/gen_partners.py" "$rows" "$work/large/_data/partners.csv"
small_rows=$(($(wc -l < "$repo/content/_data/partners.csv") - 1))
run() {  # NAME CONTENT -> wall seconds and peak KB on one line
  rm -rf "$work/out-$1"
  /usr/bin/time -f "%e %M" -o "$work/time" "$waymark" build --quiet --source "$2" --theme "$repo/theme" --output "$work/out-$1" 2>/dev/null
  cat "$work/time"
}
echo "| run | example site ($small_rows partners): wall s, peak KB | with $rows partners: wall s, peak KB |"
echo "|---|---|---|"
for i in $(seq 1 "$runs"); do
  echo "| $i | $(run small "$work/small") | $(run large "$work/large") |"
done
echo
echo "directory page size with $rows partners: $(du -h "$work/out-large/about/partners/index.html" | cut -f1)"
