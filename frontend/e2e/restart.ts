import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, chmodSync, mkdtempSync, openSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Restarts the app under test the way a user would see it: the Go process
// that `wails dev` started is stopped and the same binary started again,
// with the same environment (data dir, display, dev-server addresses), so
// the page at :34115 talks to a fresh backend over the same database.

// The binary wails dev runs, or a copy a previous restart started.
const DEV_BINARY = 'integration-studio-dev';
const URL = 'http://localhost:34115';

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, ok: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting until ${what}`);
}

async function answers(): Promise<boolean> {
  try {
    return (await fetch(URL)).ok;
  } catch {
    return false;
  }
}

async function answersAt(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stopping the app ends `wails dev` and the Vite server it ran, so the
 * restart brings back both: Vite on the address the app was given (from the
 * app's own environment), then the app. overrides replace variables of the app's
 * environment (e.g. INTEGRATION_STUDIO_HOME to start on another data dir);
 * later restarts keep them.
 */
export async function restartApp(overrides: Record<string, string> = {}): Promise<void> {
  const all = execFileSync('pgrep', ['-f', DEV_BINARY]).toString().trim().split('\n').map(Number);
  // The app's own children (its spec worker) run the same binary; the app is the one whose parent is not in the list.
  const parentOf = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[1]);
  const pids = all.filter((pid) => {
    try {
      return !all.includes(parentOf(pid));
    } catch {
      return false; // ended meanwhile
    }
  });
  if (pids.length !== 1) throw new Error(`expected one running app, found pids ${pids.join(', ')}`);
  const pid = pids[0]!;
  const env = Object.fromEntries(
    readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
  Object.assign(env, overrides);
  const [, ...args] = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  const cwd = readlinkSync(`/proc/${pid}/cwd`);
  // wails dev may remove or rebuild its binary; keep a copy of the one that ran.
  const copyDir = mkdtempSync(join(tmpdir(), 'studio-restart-'));
  const exe = join(copyDir, 'integration-studio-dev');
  copyFileSync(`/proc/${pid}/exe`, exe);
  chmodSync(exe, 0o755);

  process.kill(pid, 'SIGTERM');
  await until('the app has exited', () => !running(pid), 15_000);
  await until('the old backend stopped answering', async () => !(await answers()), 15_000);

  // Their output goes next to the test report, for when a restart goes wrong.
  const log = openSync(join(process.env.ARTIFACTS ?? tmpdir(), 'restarted-app.log'), 'a');
  const viteUrl = new globalThis.URL(env.frontenddevserverurl || 'http://localhost:5173/');
  // wails dev stops its Vite when the app ends; one a previous restart started stays up and is reused.
  const viteGone = await until('the old Vite server stopped', async () => !(await answersAt(viteUrl.href)), 5_000).then(
    () => true,
    () => false,
  );
  if (viteGone) {
    const vite = spawn(join(cwd, 'frontend/node_modules/.bin/vite'), ['--port', viteUrl.port, '--strictPort'], {
      cwd: join(cwd, 'frontend'),
      env,
      detached: true,
      stdio: ['ignore', log, log],
    });
    vite.unref();
    await until('Vite answers', () => answersAt(viteUrl.href), 30_000);
  }

  const child = spawn(exe, args, { env, cwd, detached: true, stdio: ['ignore', log, log] });
  child.unref();
  await until('the restarted app answers', answers);
  // copyDir stays: the app starts its spec worker from its own executable.
}
