import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Each run gets an empty data dir, so tests never see the user's data.
const home = process.env.INTEGRATION_STUDIO_E2E_HOME ?? mkdtempSync(join(tmpdir(), 'studio-e2e-'));
process.env.INTEGRATION_STUDIO_E2E_HOME = home;
// The app's file dialogs answer from files in this folder ("save", "open"):
// tests cannot click a native GTK dialog (see scriptedDialogs in app.go).
const dialogs = process.env.INTEGRATION_STUDIO_E2E_DIALOGS ?? mkdtempSync(join(tmpdir(), 'studio-e2e-dialogs-'));
process.env.INTEGRATION_STUDIO_E2E_DIALOGS = dialogs;

const artifacts = process.env.ARTIFACTS ?? resolve(__dirname, '../../tests/artifacts');
const wails = process.env.WAILS ?? 'wails';

export default defineConfig({
  testDir: '.',
  outputDir: join(artifacts, 'playwright'),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['html', { outputFolder: join(artifacts, 'playwright-report'), open: 'never' }]],
  use: {
    baseURL: 'http://localhost:34115',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium: Playwright's own browser downloads are not available.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'app', testMatch: /(app|authoring|automation|bundles|configurations|import|playbooks|testpanel)\.spec\.ts/ },
    { name: 'smoke', testMatch: /smoke\.spec\.ts/ },
  ],
  // The real app: Go backend + Vite frontend through the Wails dev server.
  webServer: {
    // SIGINT lets wails dev stop the Vite server it started; a plain kill leaves it running.
    gracefulShutdown: { signal: 'SIGINT', timeout: 15_000 },
    command: `${wails} dev -tags webkit2_41 -loglevel Warning -m -nosyncgomod -skipbindings -noreload -nogorebuild -v 0`,
    cwd: resolve(__dirname, '../..'),
    url: 'http://localhost:34115',
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      ...process.env,
      INTEGRATION_STUDIO_HOME: home,
      INTEGRATION_STUDIO_SCRIPTED_DIALOGS: dialogs,
      WEBKIT_DISABLE_DMABUF_RENDERER: '1',
    } as Record<string, string>,
  },
});
