#!/usr/bin/env bash
# Compare Waymark's built-in search with Pagefind on the same Waymark-built HTML.
#
# Usage: bench/search/compare-search.sh [example|2000|10000 ...]     (default: all three)
#
#   example  the repository's content/ folder as it is (queries: bench/search/example-queries.json)
#   N        searchbench's gen_site.py site (--pages-en N --pages-pl N/10, --seed 1), converted to
#            Markdown by md_site.py (queries: gen_site's queries.json, opened on / and /pl/)
#
# For each site: build with Waymark (BUILD_RUNS times, --timings), index the same output with
# Pagefind (searchbench.py index --runs 3, bundle outside the site), measure both engines with
# searchbench.py measure (--cold-trials 3) from the language's home page, then print
# searchbench.py compare and a summary (also written to $RESULTS/summary-<site>.md).
#
# Environment:
#   WAYMARK        the waymark binary (default: scripts/build-release from the repo root)
#   SCRATCH_PATH   --scratch-path for that swift build (default: the normal .build)
#   SEARCHBENCH    the harness folder (default /work/shared/bench/searchbench, or
#                  ../shared/bench/searchbench beside the repository)
#   WORK           generated sites, builds and bundles (default /tmp/waymark-search-bench/work)
#   RESULTS        JSON, logs and summaries (default /tmp/waymark-search-bench/results)
#   COLD_TRIALS    fresh-browser trials per query (default 3)
#   PF_RUNS        Pagefind index runs (default 3); BUILD_RUNS Waymark builds (default 3)
#   MEASURE_ARGS   more searchbench.py measure options for both engines, e.g. a slow mobile
#                  link: MEASURE_ARGS="--rtt-ms 150 --down-kbps 1600"
#   NO_INSTALL=1   never install missing packages, just fail
#   SUMMARY_ONLY=1 only rewrite summary-<site>.md and the compare table from existing results
set -uo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
if [ -z "${SEARCHBENCH:-}" ]; then
  for d in /work/shared/bench/searchbench "$REPO/../shared/bench/searchbench"; do
    [ -f "$d/searchbench.py" ] && SEARCHBENCH="$(cd "$d" && pwd)" && break
  done
fi
[ -f "${SEARCHBENCH:-}/searchbench.py" ] || { echo "searchbench not found: set SEARCHBENCH" >&2; exit 2; }
WORK="${WORK:-/tmp/waymark-search-bench/work}"
RESULTS="${RESULTS:-/tmp/waymark-search-bench/results}"
COLD_TRIALS="${COLD_TRIALS:-3}"
PF_RUNS="${PF_RUNS:-3}"
BUILD_RUNS="${BUILD_RUNS:-3}"
SB=(python3 "$SEARCHBENCH/searchbench.py")
# Pagefind reads only <main> (Waymark: <main id="main-content">), so the help block with phone
# numbers, the header, breadcrumbs and footer are left out; inside main, the contents list and
# the '#' heading anchors are skipped (they repeat the headings).
PF_ARGS=(--pagefind-arg=--root-selector=main "--pagefind-arg=--exclude-selectors=.toc, .heading-anchor")

SITES=("$@")
[ ${#SITES[@]} -eq 0 ] && SITES=(example 2000 10000)
for s in "${SITES[@]}"; do
  case "$s" in example|[0-9]*) ;; *) echo "unknown site '$s': use example or a page count" >&2; exit 2 ;; esac
done
mkdir -p "$WORK" "$RESULTS"
log() { printf '\n== %s\n' "$*" >&2; }

# ------------------------------------------------------------------ setup (only what is missing)
ensure_deps() {
  local apt=() pip=()
  command -v chromium >/dev/null || command -v chromium-browser >/dev/null || apt+=(chromium)
  command -v chromedriver >/dev/null || apt+=(chromium-driver)
  [ -f /usr/share/dict/british-english ] || apt+=(wbritish)
  [ -f /usr/share/dict/polish ] || apt+=(wpolish)
  python3 -c "import pagefind_bin" 2>/dev/null || pip+=(pagefind-bin)
  python3 -c "import selenium" 2>/dev/null || pip+=(selenium)
  if [ ${#apt[@]} -gt 0 ]; then
    [ "${NO_INSTALL:-}" = 1 ] && { echo "missing Debian packages: ${apt[*]}" >&2; exit 2; }
    log "installing ${apt[*]}"
    local SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get install -y "${apt[@]}" || { $SUDO apt-get update && $SUDO apt-get install -y "${apt[@]}"; } || exit 2
  fi
  if [ ${#pip[@]} -gt 0 ]; then
    [ "${NO_INSTALL:-}" = 1 ] && { echo "missing Python packages: ${pip[*]}" >&2; exit 2; }
    log "installing ${pip[*]}"
    python3 -m pip install "${pip[@]}" || python3 -m pip install --break-system-packages "${pip[@]}" || exit 2
  fi
}
ensure_deps

if [ -z "${WAYMARK:-}" ] && [ "${SUMMARY_ONLY:-}" != 1 ]; then
  log "building waymark (release)"
  WAYMARK="$(cd "$REPO" && SCRATCH="${SCRATCH_PATH:-.build}" scripts/build-release)" || exit 2
fi
[ "${SUMMARY_ONLY:-}" = 1 ] && WAYMARK="${WAYMARK:-(not given)}"
[ "${SUMMARY_ONLY:-}" = 1 ] || [ -x "$WAYMARK" ] || { echo "no waymark binary at $WAYMARK" >&2; exit 2; }

# ------------------------------------------------------------------ per site
build_waymark() {  # $1 content, $2 output, $3 name for the logs -> timing JSON on stdout
  local content="$1" out="$2" name="$3" i logf
  for i in $(seq 1 "$BUILD_RUNS"); do
    logf="$RESULTS/waymark-build-$name-$i.log"
    local t0 t1
    t0=$(date +%s.%N)
    "$WAYMARK" build --source "$content" --theme "$REPO/theme" --output "$out" --timings >"$logf" 2>"$logf.err" \
      || { cat "$logf.err" >&2; echo "waymark build failed ($logf.err)" >&2; return 1; }
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "wall %.3f\n", b - a }' >>"$logf"
  done
  python3 - "$RESULTS" "$name" "$BUILD_RUNS" <<'PY'
import json, re, statistics, sys
res, name, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
totals, walls, stages = [], [], {}
for i in range(1, runs + 1):
    text = open(f"{res}/waymark-build-{name}-{i}.log", encoding="utf-8").read()
    m = re.search(r" in ([0-9.]+) s", text)
    if m: totals.append(float(m.group(1)))
    m = re.search(r"^wall ([0-9.]+)", text, re.M)
    if m: walls.append(float(m.group(1)))
    for sm in re.finditer(r"^  (\S.*?)\s+([0-9.]+) s$", text, re.M):
        stages.setdefault(sm.group(1).strip(), []).append(float(sm.group(2)))
st = {k: statistics.median(v) for k, v in stages.items()}
search = [k for k in st if re.search(r"search", k, re.I)]
out = {"runs": runs, "total_s": statistics.median(totals) if totals else None,
       "wall_s": statistics.median(walls) if walls else None, "stages_s": st,
       "search_stage_name": search[0] if search else None,
       "search_stage_s": st[search[0]] if search else None,
       "summary_line": text.splitlines()[0] if text else ""}
print(json.dumps(out))
PY
}

write_summary() {  # $1 site, $2 content folder: summary-<site>.md and the compare table from $RESULTS
  local site="$1" content="$2" out="$WORK/out-$1" qfile="$RESULTS/queries-$1.json" bj="$RESULTS/waymark-build-$1.json"
  local summary="$RESULTS/summary-$site.md" files=() langs lang e
  langs="$(python3 -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))))' "$qfile")"
  {
    echo "## Search benchmark: $site"
    echo
    echo "Waymark: \`$WAYMARK\`; Pagefind: $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$RESULTS/pagefind-index-$site.json"); content: \`$content\`; queries: \`$qfile\`; machine: $(nproc) cores, load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    for lang in $langs; do
      python3 "$HERE/summarise.py" --title "$site, $lang (page $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]]["page"])' "$qfile" "$lang"))" \
        --pagefind "$RESULTS/pagefind-$site-$lang.json" --waymark "$RESULTS/waymark-$site-$lang.json" \
        --pagefind-index "$RESULTS/pagefind-index-$site.json" --waymark-build "$bj" --waymark-site "$out"
      echo
    done
  } >"$summary"
  for lang in $langs; do
    for e in pagefind waymark; do [ -f "$RESULTS/$e-$site-$lang.json" ] && files+=("$RESULTS/$e-$site-$lang.json"); done
  done
  log "$site: searchbench compare"
  [ ${#files[@]} -gt 0 ] && "${SB[@]}" compare "${files[@]}"
  log "$site: summary ($summary)"
  cat "$summary"
}

run_site() {
  local site="$1" content out pf qfile bj
  out="$WORK/out-$site"; pf="$WORK/pagefind-$site"; qfile="$RESULTS/queries-$site.json"
  if [ "$site" = example ]; then
    content="$REPO/content"
    cp "$HERE/example-queries.json" "$qfile"
  else
    local pl=$((site / 10)) html="$WORK/html-$site"
    content="$WORK/content-$site"
    log "$site: generating $site English + $pl Polish pages (gen_site.py --seed 1)"
    python3 "$SEARCHBENCH/gen_site.py" --out "$html" --force --pages-en "$site" --pages-pl "$pl" --seed 1 >&2 || return 1
    python3 "$HERE/md_site.py" --site "$html" --out "$content" --force >&2 || return 1
    cp "$html/manifest.json" "$RESULTS/site-$site-manifest.json"
    python3 - "$html/queries.json" "$qfile" <<'PY'
import json, sys
q = json.load(open(sys.argv[1], encoding="utf-8"))
q["en"]["page"] = "/"
q["pl"]["page"] = "/pl/"
json.dump(q, open(sys.argv[2], "w", encoding="utf-8"), indent=2, ensure_ascii=False)
PY
  fi

  log "$site: waymark build x$BUILD_RUNS ($content)"
  bj="$RESULTS/waymark-build-$site.json"
  local timing off=""
  timing="$(build_waymark "$content" "$out.tmp" "$site")" || return 1
  # The same content with 'search: false' in site.yaml (no index, search or A-Z pages), if this
  # Waymark knows the setting: a copy of the content folder (hard links where possible).
  local nos="$WORK/content-$site-nosearch"
  rm -rf "$nos"
  cp -al "$content" "$nos" 2>/dev/null || { rm -rf "$nos"; cp -r "$content" "$nos"; }
  rm -f "$nos/site.yaml"
  # Drop the 'search:' setting, and its indented settings (synonyms) when it has them.
  awk '/^search:/ { skip = 1; next } skip && /^[ \t]/ { next } { skip = 0; print }' "$content/site.yaml" >"$nos/site.yaml"
  printf 'search: false\n' >>"$nos/site.yaml"
  if "$WAYMARK" build --source "$nos" --theme "$REPO/theme" --output "$out-nosearch" --quiet >/dev/null 2>"$RESULTS/waymark-build-$site-nosearch.err"; then
    log "$site: waymark build x$BUILD_RUNS with 'search: false'"
    off="$(build_waymark "$nos" "$out-nosearch" "$site-nosearch")" || off=""
  else
    echo "(this Waymark cannot build with 'search: false': $(head -1 "$RESULTS/waymark-build-$site-nosearch.err"))" >&2
  fi
  rm -rf "$out-nosearch" "$nos"
  rm -rf "$out"; mv "$out.tmp" "$out"
  python3 - "$bj" "$timing" "$off" "site.yaml search: false" <<'PY'
import json, sys
t = json.loads(sys.argv[2])
if sys.argv[3]:
    o = json.loads(sys.argv[3])
    t["search_off_flag"] = sys.argv[4]
    t["search_off_total_s"] = o["total_s"]
    t["search_off_stages_s"] = o["stages_s"]
json.dump(t, open(sys.argv[1], "w"), indent=2)
print(f"waymark build: {t['summary_line']}\n  median total {t['total_s']} s over {t['runs']} runs; "
      f"search stage: {t['search_stage_name']!r} {t['search_stage_s']} s"
      + (f"; without search ({t['search_off_flag']}) {t['search_off_total_s']} s" if sys.argv[3] else
         "; no option to build without search"))
for k, v in t["stages_s"].items():
    print(f"    {k:36s} {v:7.3f} s")
PY

  log "$site: pagefind index x$PF_RUNS on $out"
  "${SB[@]}" index --site "$out" --out "$pf" --runs "$PF_RUNS" "${PF_ARGS[@]}" \
    --json "$RESULTS/pagefind-index-$site.json" || return 1

  # Waymark's client script, as the built search page loads it
  local script="" sp
  sp="$out/search/index.html"
  [ -f "$sp" ] && script="$(python3 - "$sp" "$out" <<'PY'
import os, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
name = sys.argv[3] if len(sys.argv) > 3 else "search"
m = re.search(r'src="([^"]*assets/js/' + name + r'\.[^"/]+\.js)"', html)
if m:
    p = os.path.normpath(os.path.join(os.path.dirname(sys.argv[1]), m.group(1)))
    print("/" + os.path.relpath(p, sys.argv[2]))
PY
)"
  # English search pages load the stemmer before the search script; the engine does the same.
  local stemmer=""
  [ -f "$sp" ] && stemmer="$(python3 - "$sp" "$out" stem-en <<'PY'
import os, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
name = sys.argv[3] if len(sys.argv) > 3 else "search"
m = re.search(r'src="([^"]*assets/js/' + name + r'\.[^"/]+\.js)"', html)
if m:
    p = os.path.normpath(os.path.join(os.path.dirname(sys.argv[1]), m.group(1)))
    print("/" + os.path.relpath(p, sys.argv[2]))
PY
)"
  if [ -z "$script" ]; then
    echo "!! $site: no assets/js/search.<hash>.js in $sp: this Waymark has no search client yet; measuring Pagefind only" >&2
  fi
  [ -n "$script" ] && [ ! -d "$out/search-index" ] && echo "!! $site: $out/search-index/ is missing" >&2

  local langs lang
  langs="$(python3 -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))))' "$qfile")"
  for lang in $langs; do
    log "$site/$lang: measure pagefind"
    "${SB[@]}" measure --site "$out" --mount "/pagefind/=$pf" --queries-file "$qfile" --lang "$lang" \
      --cold-trials "$COLD_TRIALS" --label "pagefind $site $lang" ${MEASURE_ARGS:-} \
      --json "$RESULTS/pagefind-$site-$lang.json" >"$RESULTS/pagefind-$site-$lang.md" 2>"$RESULTS/pagefind-$site-$lang.log" \
      || { echo "!! pagefind measure failed: $RESULTS/pagefind-$site-$lang.log" >&2; tail -5 "$RESULTS/pagefind-$site-$lang.log" >&2; }
    rm -f "$RESULTS/waymark-$site-$lang.json"
    if [ -n "$script" ]; then
      log "$site/$lang: measure waymark ($script)"
      "${SB[@]}" measure --site "$out" --engine "$HERE/waymark-engine.js" \
        --ctx "{\"script\":\"$script\",$( [ "${lang%%-*}" = en ] && [ -n "$stemmer" ] && printf '"stemmer":"%s",' "$stemmer")\"topN\":5}" --queries-file "$qfile" --lang "$lang" \
        --cold-trials "$COLD_TRIALS" --label "waymark $site $lang" ${MEASURE_ARGS:-} \
        --json "$RESULTS/waymark-$site-$lang.json" >"$RESULTS/waymark-$site-$lang.md" 2>"$RESULTS/waymark-$site-$lang.log" \
        || { echo "!! waymark measure failed: $RESULTS/waymark-$site-$lang.log" >&2; tail -5 "$RESULTS/waymark-$site-$lang.log" >&2; }
    fi
  done

  write_summary "$site" "$content"
}

status=0
for site in "${SITES[@]}"; do
  if [ "${SUMMARY_ONLY:-}" = 1 ]; then
    if [ "$site" = example ]; then c="$REPO/content"; else c="$WORK/content-$site"; fi
    write_summary "$site" "$c" || status=1
  else
    run_site "$site" || { echo "!! $site failed" >&2; status=1; }
  fi
done
echo "results in $RESULTS" >&2
exit $status
