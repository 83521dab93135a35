#!/usr/bin/env bash
# `waymark check` against `waymark build` on the same hugobench corpus, alternating cold runs,
# timed with GNU time; prints a Markdown table (median wall, CPU, peak RSS) and check/build.
# Usage: bench/check-vs-build.sh [PAGES]      PAGES = content pages in the corpus, default 10000
# Environment: RUNS=3, WAYMARK=PATH (else scripts/build-release), SHARED=DIR, WORK=DIR, DEST=DIR,
#              TODAY=YYYY-MM-DD (the date review dates are counted from; default today)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
shared=${SHARED:-$(dirname "$repo")/shared}
runs=${RUNS:-3}
pages=${1:-10000}
work=${WORK:-/tmp/waymark-bench}
dest=${DEST:-/dev/shm/waymark-bench}
die() { echo "check-vs-build: $*" >&2; exit 1; }
[[ -f $shared/bench/hugobench/gen.py ]] || die "no hugobench corpus generator (set SHARED=...)"
[[ -x /usr/bin/time ]] || { sudo=; [[ $(id -u) == 0 ]] || sudo=sudo; $sudo apt-get install -y -qq time >&2; }

waymark=${WAYMARK:-}
if [[ -z $waymark ]]; then
  waymark=$("$repo/scripts/build-release") || die "scripts/build-release failed"
fi

site=$work/$pages
times=$site/check-times
mkdir -p "$work" "$dest"
python3 "$shared/bench/hugobench/gen.py" --out "$site" --pages $((pages / 2)) --translated $((pages / 10)) >/dev/null
python3 "$here/adapt_hugobench.py" "$site" >&2
rm -rf "$times"; mkdir -p "$times"
today=${TODAY:-$(date +%F)}
for i in $(seq 1 "$runs"); do
  rm -rf "$dest/waymark"; sync; sleep 2
  /usr/bin/time -v -o "$times/build.$i.txt" "$waymark" build --quiet --source "$site/waymark-content" \
    --theme "$repo/theme" --output "$dest/waymark" >/dev/null 2>&1 || die "build failed"
  rm -rf "$dest/waymark"; sync; sleep 2
  # check exits 1 when it finds errors; the timing is what matters here.
  /usr/bin/time -v -o "$times/check.$i.txt" "$waymark" check --source "$site/waymark-content" \
    --theme "$repo/theme" --format json --today "$today" >"$times/check.$i.json" 2>/dev/null || true
done
python3 - "$times" "$runs" "$pages" <<'PY'
import json, re, statistics, sys
times, runs, pages = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def parse(path):
    text = open(path).read()
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", text)
    h, m, s = wall.groups()
    seconds = (int(h or 0) * 60 + int(m)) * 60 + float(s)
    cpu = float(re.search(r"User time.*: ([\d.]+)", text).group(1)) + float(re.search(r"System time.*: ([\d.]+)", text).group(1))
    rss = int(re.search(r"Maximum resident set size.*: (\d+)", text).group(1)) / 1024
    return seconds, cpu, rss
rows = {}
for name in ("build", "check"):
    runs_ = [parse(f"{times}/{name}.{i}.txt") for i in range(1, runs + 1)]
    rows[name] = [statistics.median(x) for x in zip(*runs_)]
report = json.load(open(f"{times}/check.{runs}.json"))
print(f"## waymark check vs build, {pages} content pages ({runs} runs, medians)\n")
print("| command | wall s | CPU s | peak RSS MiB |")
print("|---|---:|---:|---:|")
for name, (wall, cpu, rss) in rows.items():
    print(f"| waymark {name} | {wall:.2f} | {cpu:.2f} | {rss:.0f} |")
print(f"\ncheck / build wall time: **{rows['check'][0] / rows['build'][0]:.2f}×**; "
      f"check found {report['summary']['errors']} errors and {report['summary']['warnings']} warnings on {report['summary']['pages']} pages.")
PY
