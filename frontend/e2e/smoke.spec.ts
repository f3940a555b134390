import { expect, test } from '@playwright/test';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

// Starts the built binary (what `make run` opens) in a real WebKitGTK window
// on a display of its own — so the `wails dev` window of the other tests
// cannot stand in for it — screenshots that display and checks it is not blank.

async function startXvfb(): Promise<{ display: string; proc: ChildProcess }> {
  const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x820x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const display = await new Promise<string>((resolve, reject) => {
    let buf = '';
    (proc.stdio[3] as Readable).on('data', (d) => {
      buf += d;
      if (buf.includes('\n')) resolve(':' + buf.trim());
    });
    proc.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
    setTimeout(() => reject(new Error('Xvfb did not report a display')), 10_000);
  });
  return { display, proc };
}

test('the built app opens a window that is not blank', async () => {
  const bin = process.env.APP_BIN;
  test.skip(!bin || !existsSync(bin), 'APP_BIN not built (run through `make test`)');

  const { display, proc: xvfb } = await startXvfb();
  const home = mkdtempSync(join(tmpdir(), 'studio-smoke-'));
  const app = spawn(bin!, [], {
    env: { ...process.env, DISPLAY: display, INTEGRATION_STUDIO_HOME: home, WEBKIT_DISABLE_DMABUF_RENDERER: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  app.stdout!.on('data', (d) => (output += d));
  app.stderr!.on('data', (d) => (output += d));
  try {
    const shot = join(process.env.ARTIFACTS ?? tmpdir(), 'smoke-window.png');
    let colours = 0;
    // Poll: the window maps quickly but the webview paints a moment later.
    for (let i = 0; i < 40 && colours < 200; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      expect(app.exitCode, `the app exited early:\n${output}`).toBeNull();
      execFileSync('import', ['-display', display, '-window', 'root', shot]);
      colours = Number(execFileSync('identify', ['-format', '%k', shot]).toString().trim());
    }
    // A blank or black screen has a handful of colours; the app's UI
    // (text, icons, anti-aliasing) has hundreds.
    expect(colours, `screenshot ${shot} looks blank; app output:\n${output}`).toBeGreaterThan(200);
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    expect(existsSync(join(home, 'studio.db')), 'the app did not open its data dir').toBe(true);
  } finally {
    app.kill('SIGTERM');
    xvfb.kill('SIGTERM');
  }
});
