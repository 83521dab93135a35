#!/usr/bin/env bash
# Two or more waymark binaries on the same corpus, alternating round by round, so the machine's
# drift hits each alike: the step tables in BENCHMARKS.md. Output to tmpfs, timed with GNU time.
# Usage: bench/ab-binaries.sh ROUNDS BINARY... (a BINARY may carry environment: "VAR=x /path/waymark")
# Environment: SOURCE (default /tmp/waymark-bench/10000/waymark-content, made by compare-hugo.sh),
#              THEME (default the repository's theme), DEST (default /dev/shm/waymark-ab)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:?usage: ab-binaries.sh ROUNDS BINARY...}; shift
(( $# >= 1 )) || { echo "ab-binaries: name at least one binary" >&2; exit 2; }
source=${SOURCE:-/tmp/waymark-bench/10000/waymark-content}
theme=${THEME:-$repo/theme}
dest=${DEST:-/dev/shm/waymark-ab}
[[ -f $source/site.yaml ]] || { echo "ab-binaries: no corpus at $source (run bench/compare-hugo.sh 10000 first)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "ab-binaries: needs GNU time (apt-get install time)" >&2; exit 2; }
for round in $(seq "$rounds"); do
  number=0
  for binary in "$@"; do
    number=$((number + 1))
    rm -rf "$dest"
    /usr/bin/time -f "$number %e %U %M" -o /dev/stdout bash -c "$binary build --quiet --source '$source' --theme '$theme' --output '$dest'" | tail -1
  done
done | awk -v names="$*" '
  { wall[$1] = wall[$1] " " $2; user[$1] = user[$1] " " $3; rss[$1] = $4 }
  END { for (n in wall) printf "%s  wall:%s  user:%s  peak %d MiB\n", n, wall[n], user[n], rss[n] / 1024 }' | sort -n
rm -rf "$dest"
