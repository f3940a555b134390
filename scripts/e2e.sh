#!/usr/bin/env bash
# Runs the Playwright suites under a virtual display and a private D-Bus
# session with an unlocked gnome-keyring, so the app under test sees a
# desktop like a user's. Playwright itself starts `wails dev` (see
# frontend/e2e/playwright.config.ts) and the built binary (smoke test).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${WAILS:?path to the wails CLI}" "${APP_BIN:?path to the built app}" "${ARTIFACTS:?artifacts dir}"
export WAILS APP_BIN ARTIFACTS
# WebKitGTK's DMA-BUF renderer draws a blank page under Xvfb.
export WEBKIT_DISABLE_DMABUF_RENDERER=1
export NO_AT_BRIDGE=1
exec dbus-run-session -- bash -euo pipefail -c '
  echo -n e2e-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  cd frontend
  xvfb-run --auto-servernum --server-args="-screen 0 1400x900x24" \
    npx playwright test -c e2e/playwright.config.ts
'
