import type { Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

// Shared by the specs that need a screenshot, a free loopback port or a real mock vendor.

export const artifacts = process.env.ARTIFACTS ?? resolve(__dirname, '../../tests/artifacts');

export const shot = (page: Page, name: string) => page.screenshot({ path: join(artifacts, `${name}.png`), animations: 'disabled' });

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const p = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => ok(p));
    });
  });
}

/** Starts Stoplight Prism (npm @stoplight/prism-cli) mocking specPath on loopback; ready once `probe` answers. */
export async function startPrism(specPath: string, probe: string): Promise<{ port: number; stop: () => void }> {
  const port = await freePort();
  const bin = resolve(__dirname, '../node_modules/.bin/prism');
  const prism = spawn(bin, ['mock', specPath, '-h', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  prism.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  prism.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}${probe}`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      prism.kill('SIGTERM');
      throw new Error(`Prism did not start on port ${port}:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { port, stop: () => prism.kill('SIGTERM') };
}
