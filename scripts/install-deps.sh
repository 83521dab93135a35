#!/usr/bin/env bash
# Installs the Debian packages Waymark needs, only when something is missing.
#   install-deps.sh build     libcmark-dev, libjemalloc-dev and pkg-config (to compile Waymark)
#   install-deps.sh browser   also Chromium, its driver, a Java runtime (Nu checker), poppler-utils,
#                             nginx and Apache (the host-configuration tests serve the site with both),
#                             node when there is none (checks the browser's search code against Swift's)
#   install-deps.sh package   libcmark-dev, libjemalloc-dev, pkg-config and what scripts/package uses (dpkg-dev, binutils)
set -euo pipefail
want=(libcmark-dev libjemalloc-dev pkg-config)
if [[ "${1:-build}" == package ]]; then
  want+=(dpkg-dev binutils)
fi
if [[ "${1:-build}" == browser ]]; then
  want+=(chromium chromium-driver default-jre-headless poppler-utils nginx-light apache2)
  command -v node >/dev/null || want+=(nodejs)
fi
missing=()
for package in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "Installing ${missing[*]} …" >&2
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
