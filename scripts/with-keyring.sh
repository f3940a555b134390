#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a fresh, unlocked
# gnome-keyring (a real Secret Service). The keyring files live in a
# throw-away XDG_DATA_HOME, so runs never touch — or trip over — the
# user's own login keyring and its password.
set -euo pipefail
[[ $# -gt 0 ]] || { echo "usage: $0 command [args...]" >&2; exit 2; }
keyring_home=$(mktemp -d -t studio-keyring-XXXXXX)
trap 'rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home"
status=0
# dbus-daemon complains it may not raise its fd limit when not run by the
# system; the noise hides real output, so filter it.
dbus-run-session -- bash -euo pipefail -c '
  echo -n "test-keyring-password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"
' keyring "$@" 2> >(grep --line-buffered -v -e "dbus-daemon\[" -e "SpiRegistry" >&2) || status=$?
exit "$status"
