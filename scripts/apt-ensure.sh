#!/usr/bin/env bash
# Installs the given Debian packages if any is missing. Idempotent and quiet
# when everything is present, so `make` stays fast on a set-up machine.
set -euo pipefail
missing=()
for pkg in "$@"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0
sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
echo "Installing Debian packages: ${missing[*]}"
$sudo apt-get update -qq
# xauth and the keyring's D-Bus pieces are recommends that --no-install-recommends would skip,
# so they are named explicitly in the Makefile instead.
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
