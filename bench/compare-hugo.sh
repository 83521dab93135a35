#!/usr/bin/env bash
# Hugo vs Waymark on the same hugobench corpus: cold builds into tmpfs, alternating, timed with
# GNU time; prints a Markdown table per size (wall, peak RSS, files written by kind).
# Usage: bench/compare-hugo.sh [PAGES...]        PAGES = total content pages per corpus, default 1000 10000
# Environment:
#   RUNS=3            cold runs of each generator per size
#   WAYMARK=PATH      use this waymark binary instead of scripts/build-release's; WAYMARK=skip: Hugo only
#   SHARED=DIR        the shared folder (default: ../shared beside the repo)
#   WORK=DIR          where corpora are generated (default /tmp/waymark-bench)
#   DEST=DIR          tmpfs folder for build outputs (default /dev/shm/waymark-bench)
#   REGENERATE=1      generate each corpus afresh even if one made with the same arguments is there
#   SEARCH_PEERS=1    also time Waymark with 'search: false' (waymark-nosearch) and Pagefind indexing
#                     Hugo's output (pagefind), Hugo having no search of its own
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
shared=${SHARED:-$(dirname "$repo")/shared}
hugobench=$shared/bench/hugobench
runs=${RUNS:-3}
work=${WORK:-/tmp/waymark-bench}
dest=${DEST:-/dev/shm/waymark-bench}
sizes=("$@")
(( ${#sizes[@]} )) || sizes=(1000 10000)

die() { echo "compare-hugo: $*" >&2; exit 1; }
[[ -f $hugobench/gen.py ]] || die "no $hugobench/gen.py (set SHARED=...)"
for n in "${sizes[@]}"; do
  [[ $n =~ ^[0-9]+$ ]] && (( n >= 10 && n % 10 == 0 )) || die "size $n: must be a multiple of 10"
done

# Tools: hugo and GNU time from Debian when missing.
missing=()
command -v hugo >/dev/null || missing+=(hugo)
[[ -x /usr/bin/time ]] || missing+=(time)
if (( ${#missing[@]} )); then
  sudo=; [[ $(id -u) == 0 ]] || sudo=sudo
  echo "compare-hugo: installing ${missing[*]}" >&2
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" \
    || die "could not install ${missing[*]}"
fi

# Waymark: one release build, before any timing.
waymark=${WAYMARK:-}
if [[ -z $waymark ]]; then
  echo "compare-hugo: scripts/build-release" >&2
  waymark=$("$repo/scripts/build-release") || die "scripts/build-release failed"
fi
[[ $waymark == skip || -x $waymark ]] || die "no waymark binary at $waymark"

echo "# Hugo vs Waymark (hugobench)"
echo
echo "$(nproc) cores, $(awk '/^MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo) GiB; $(hugo version | cut -d' ' -f1-2);" \
     "waymark: $waymark; $runs cold runs each, alternating, output to $dest (tmpfs)."

# One timed cold run: NAME RUN DEST_DIR COMMAND... ; leaves NAME.RUN.time.txt in $times.
timed() {
  local name=$1 run=$2 out=$3; shift 3
  rm -rf "$out"
  sync; sleep 2  # let the deletes' writeback settle first, as bench.sh does
  /usr/bin/time -v -o "$times/$name.$run.time.txt" "$@" || die "$name run $run failed: $*"
}

mkdir -p "$work" "$dest"
for n in "${sizes[@]}"; do
  site=$work/$n
  times=$site/times
  # gen.py's ratio: every 5th page translated into 5 languages, so pages + pages/5*5 = n.
  # gen.py is deterministic, so a corpus it already wrote with the same arguments is reused
  # (generating 100,000 pages takes minutes); REGENERATE=1 forces a fresh one.
  if [[ -n ${REGENERATE:-} ]] || ! python3 - "$site/corpus.json" $((n / 2)) $((n / 10)) <<'PY'
import json, sys
try:
    args = json.load(open(sys.argv[1]))["args"]
except (OSError, ValueError, KeyError):
    sys.exit(1)
wanted = {"pages": int(sys.argv[2]), "translated": int(sys.argv[3]), "langs": "pl,ro,sq,vi,lt",
          "bytes": 4000, "seed": 20240501, "no_hugo": False, "lean": False}
sys.exit(0 if args == wanted else 1)
PY
  then
    python3 "$hugobench/gen.py" --out "$site" --pages $((n / 2)) --translated $((n / 10)) >/dev/null
  fi
  python3 "$here/adapt_hugobench.py" "$site" >&2
  rm -rf "$times"; mkdir -p "$times"
  if [[ -n ${SEARCH_PEERS:-} ]]; then
    rm -rf "$site/waymark-content-nosearch"; cp -r "$site/waymark-content" "$site/waymark-content-nosearch"
    printf 'search: false\n' >>"$site/waymark-content-nosearch/site.yaml"
    pagefind=$(python3 -c 'import pagefind_bin; print(pagefind_bin.get_executable())' 2>/dev/null) \
      || { pip install -q pagefind-bin 2>/dev/null || pip install -q --break-system-packages pagefind-bin; \
           pagefind=$(python3 -c 'import pagefind_bin; print(pagefind_bin.get_executable())'); }
  fi
  export HUGO_CACHEDIR=$site/.hugo_cache
  for i in $(seq 1 "$runs"); do
    rm -rf "$site/resources" "$HUGO_CACHEDIR"  # cold: no Hugo caches either
    (cd "$site" && timed hugo "$i" "$dest/hugo" hugo --quiet --destination "$dest/hugo")
    [[ -z ${SEARCH_PEERS:-} ]] || timed pagefind "$i" "$dest/pagefind" "$pagefind" --site "$dest/hugo" --output-path "$dest/pagefind" --silent
    [[ $waymark == skip ]] || (cd "$site" && timed waymark "$i" "$dest/waymark" \
      "$waymark" build --quiet --source "$site/waymark-content" --theme "$repo/theme" --output "$dest/waymark")
    [[ $waymark == skip || -z ${SEARCH_PEERS:-} ]] || (cd "$site" && timed waymark-nosearch "$i" "$dest/waymark-nosearch" \
      "$waymark" build --quiet --source "$site/waymark-content-nosearch" --theme "$repo/theme" --output "$dest/waymark-nosearch")
  done
  outs=(hugo="$dest/hugo")
  [[ $waymark == skip ]] || outs+=(waymark="$dest/waymark")
  [[ -z ${SEARCH_PEERS:-} ]] || outs+=(pagefind="$dest/pagefind")
  [[ $waymark == skip || -z ${SEARCH_PEERS:-} ]] || outs+=(waymark-nosearch="$dest/waymark-nosearch")
  echo
  echo "## $n content pages"
  echo
  python3 "$here/bench_report.py" "$site" "$times" "${outs[@]}"
  rm -rf "$dest/hugo" "$dest/waymark" "$dest/pagefind" "$dest/waymark-nosearch"
done
rmdir "$dest" 2>/dev/null || true
