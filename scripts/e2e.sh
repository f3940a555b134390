#!/usr/bin/env bash
# Runs the Playwright suites under a virtual display and a real, unlocked
# gnome-keyring, so the app under test sees a desktop like a user's.
# Playwright itself starts `wails dev` (frontend/e2e/playwright.config.ts)
# and the built binary (smoke test). Arguments go to `playwright test`
# (e.g. -g "imports" to run some tests).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${WAILS:?path to the wails CLI}" "${APP_BIN:?path to the built app}" "${ARTIFACTS:?artifacts dir}"
export WAILS APP_BIN ARTIFACTS
# WebKitGTK's DMA-BUF renderer draws a blank page under Xvfb.
export WEBKIT_DISABLE_DMABUF_RENDERER=1
export NO_AT_BRIDGE=1
vite="$PWD/frontend/node_modules/.bin/vite"
# Whatever happens, leave no dev server behind to hold the port or a pipe.
trap 'pkill -f "$vite" 2>/dev/null || true; pkill -f "integration-studio-dev" 2>/dev/null || true' EXIT
cd frontend
../scripts/with-keyring.sh xvfb-run --auto-servernum --server-args="-screen 0 1400x900x24" \
  node_modules/.bin/playwright test -c e2e/playwright.config.ts "$@"
