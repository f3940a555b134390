#!/usr/bin/env bash
# Side by side, in one run: `redocly lint` and our whole import
# (`integration-studio lint`, which reads, converts, lints and builds actions
# in its worker) on the same files. Prints wall time, peak RSS and the ratio.
# Usage: scripts/bench-vs-redocly.sh [spec...]   (default: the bench specs)
set -euo pipefail
cd "$(dirname "$0")/.."
app=${APP_BIN:-build/bin/integration-studio}
[[ -x "$app" ]] || { echo "build the app first (make build)" >&2; exit 2; }
redocly_dir=.cache/redocly
if [[ ! -x "$redocly_dir/node_modules/.bin/redocly" ]]; then
  npm install --silent --no-audit --no-fund --ignore-scripts --prefix "$redocly_dir" @redocly/cli@2.77.0 >/dev/null
fi
specs=("$@")
if [[ ${#specs[@]} -eq 0 ]]; then
  scripts/bench-specs.sh >/dev/null
  specs=(.cache/bench-specs/github.json .cache/bench-specs/graph-v1.0.json .cache/bench-specs/graph-beta.json)
fi
measure() { # prints "seconds maxrss_kb"
  /usr/bin/time -f "%e %M" -o /tmp/bench-time.$$ "$@" >/dev/null 2>&1 || true
  tail -n 1 /tmp/bench-time.$$  # time first says "Command exited with non-zero status" when the linter found errors
}
printf "%-22s %12s %12s %12s %12s %8s\n" spec redocly_s redocly_MB ours_s ours_MB ratio
for s in "${specs[@]}"; do
  read -r rs rk < <(measure "$redocly_dir/node_modules/.bin/redocly" lint --format=summary "$s")
  # Our lint runs in a child worker; time's RSS covers the largest process of the tree.
  read -r os ok < <(measure "$app" lint --format json "$s")
  ratio=$(awk -v a="$os" -v b="$rs" 'BEGIN { printf "%.2f", a / b }')
  printf "%-22s %12s %12d %12s %12d %8s\n" "$(basename "$s")" "$rs" $((rk / 1024)) "$os" $((ok / 1024)) "$ratio"
done
rm -f /tmp/bench-time.$$
