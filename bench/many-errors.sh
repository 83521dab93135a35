#!/usr/bin/env bash
# How long Waymark takes to report a spreadsheet with an error on every row (the leading 0 of
# every phone number dropped by Excel), for growing row counts: reporting must stay linear.
#   bench/many-errors.sh [ROWS...]        default: 1000 3000 10000 30000
# WAYMARK=path uses that binary instead of building a release one.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${WAYMARK:-}" ]]; then
  WAYMARK=$(scripts/build-release)
fi
rows=("$@"); ((${#rows[@]})) || rows=(1000 3000 10000 30000)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
printf '%-8s %-10s %-10s %-12s %s\n' rows wall_s peak_MB error_lines "printed lines"
for n in "${rows[@]}"; do
  site="$work/$n"; mkdir -p "$site/content/_data"
  printf 'title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages: [{code: en, name: English}]\n' > "$site/content/site.yaml"
  printf -- '---\ntitle: Home\n---\nHello.\n' > "$site/content/index.md"
  python3 - "$n" > "$site/content/_data/partners.csv" <<'PY'
import sys
n = int(sys.argv[1])
print("name,type,areas,phone,description,contact_name,contact_email")
for i in range(n):
    print(f"Partner {i},charity,all,{1632960000 + i},Helps people,Private Person {i},p{i}@private.example.org")
PY
  /usr/bin/time -f '%e %M' -o "$work/time" "$WAYMARK" build --source "$site/content" --theme theme --output "$site/output" 2> "$work/stderr" >/dev/null || true
  read -r wall kb < <(tail -1 "$work/time")
  printf '%-8s %-10s %-10s %-12s %s\n' "$n" "$wall" "$((kb / 1024))" "$(grep -c ': error: ' "$work/stderr")" "$(wc -l < "$work/stderr")"
done
