#!/usr/bin/env bash
# Fails early, with the fix, when Go or Node is too old for this project.
set -euo pipefail
need_go="1.24"
need_node=20
if ! command -v go >/dev/null; then
  echo "Go is not installed. Install Go $need_go or newer from the Go website (Debian 12's golang package is too old)." >&2
  exit 1
fi
have_go=$(go env GOVERSION | sed 's/^go//')
if [[ "$(printf '%s\n%s\n' "$need_go" "$have_go" | sort -V | head -1)" != "$need_go" ]]; then
  echo "Go $have_go is too old; Integration Studio needs Go $need_go or newer." >&2
  exit 1
fi
# Node from any source will do; only when there is none at all try Debian's.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  "$(dirname "$0")/apt-ensure.sh" nodejs npm
fi
have_node=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if (( have_node < need_node )); then
  echo "Node.js $need_node or newer is needed for the frontend build (found: $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi
