#!/usr/bin/env bash
# Installs the Debian packages Waymark needs, only when something is missing.
#   install-deps.sh build     libcmark-dev and pkg-config (to compile Waymark)
#   install-deps.sh browser   also Chromium, its driver, a Java runtime (Nu checker), poppler-utils,
#                             node (checks the browser stemmer against the Swift one)
set -euo pipefail
want=(libcmark-dev pkg-config)
if [[ "${1:-build}" == browser ]]; then
  want+=(chromium chromium-driver default-jre-headless poppler-utils nodejs)
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
