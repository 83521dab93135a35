#!/usr/bin/env bash
# `waymark serve` against `hugo server` on the same hugobench corpus: for one-line edits to a
# content page, a section index and a template, the time from the file write to the reload event
# reaching a connected client (p50/p95 over EDITS edits each), and waymark's memory after the
# first edit and after MEMORY_EDITS more (before any template edit, which rebuilds everything).
# Usage: bench/serve-latency.sh [PAGES]          default 10000
# Environment: EDITS=20  MEMORY_EDITS=500  WAYMARK=path (else a release build)  SHARED=dir  WORK=dir
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
shared=${SHARED:-$(dirname "$repo")/shared}
pages=${1:-10000}
edits=${EDITS:-20}
memory_edits=${MEMORY_EDITS:-500}
work=${WORK:-/tmp/waymark-serve-bench}
command -v hugo >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null; }
waymark=${WAYMARK:-}
if [[ -z $waymark ]]; then
  waymark=$("$repo/scripts/build-release")
fi

site=$work/$pages
rm -rf "$site"; mkdir -p "$site"
python3 "$shared/bench/hugobench/gen.py" --out "$site" --pages $((pages / 2)) --translated $((pages / 10)) >/dev/null
python3 "$here/adapt_hugobench.py" "$site" >&2
cp -r "$repo/theme" "$site/waymark-theme"
sections=("$site"/waymark-content/*/); section=$(basename "${sections[0]}")
pages_in=("$site/waymark-content/$section"/page-*[0-9].md); page=$(basename "${pages_in[0]}")

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
wait_for() { for _ in $(seq 600); do curl -sf -o /dev/null "http://127.0.0.1:$1/" && return 0; sleep 0.5; done; echo "server on $1 did not start" >&2; exit 1; }

echo "# waymark serve vs hugo server, $pages pages ($(nproc) cores; $(hugo version | cut -d' ' -f1-2))"
started=$(date +%s.%N)
(cd "$site" && exec "$waymark" serve --source waymark-content --theme waymark-theme --port 1400 --quiet) &
pids+=($!); wait_for 1400
echo "waymark: first build and serve in $(echo "$(date +%s.%N) - $started" | bc) s"
measure() { python3 "$here/serve_latency.py" "$@"; }
measure waymark 1400 "$site/waymark-content/$section/$page" --edits "$edits" --label "content page" --pid "${pids[0]}"
measure waymark 1400 "$site/waymark-content/$section/index.md" --edits "$edits" --label "section index"
measure waymark 1400 "$site/waymark-content/$section/$page" --edits "$memory_edits" --label "memory: content page" --pid "${pids[0]}"
measure waymark 1400 "$site/waymark-theme/templates/page.mustache" --edits 5 --label "template"
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true; pids=()

started=$(date +%s.%N)
(cd "$site" && exec hugo server --port 1401 --bind 127.0.0.1 --quiet >/dev/null 2>&1) &
pids+=($!); wait_for 1401
echo "hugo: first build and serve in $(echo "$(date +%s.%N) - $started" | bc) s"
measure hugo 1401 "$site/content/$section/$page" --edits "$edits" --label "content page" --pid "${pids[0]}"
measure hugo 1401 "$site/content/$section/_index.md" --edits "$edits" --label "section index"
measure hugo 1401 "$site/layouts/_default/single.html" --edits 5 --label "template"
