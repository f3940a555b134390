import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, readlinkSync } from 'node:fs';

// Restarts the app under test the way a user would see it: the Go process
// that `wails dev` started is stopped and the same binary started again,
// with the same environment (data dir, display, dev-server addresses), so
// the page at :34115 talks to a fresh backend over the same database.

const DEV_BINARY = 'build/bin/integration-studio-dev';
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

export async function restartApp(): Promise<void> {
  const pids = execFileSync('pgrep', ['-f', DEV_BINARY]).toString().trim().split('\n').map(Number);
  if (pids.length !== 1) throw new Error(`expected one running app, found pids ${pids.join(', ')}`);
  const pid = pids[0]!;
  const env = Object.fromEntries(
    readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
  const [exe, ...args] = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  const cwd = readlinkSync(`/proc/${pid}/cwd`);

  process.kill(pid, 'SIGTERM');
  await until('the app has exited', () => !running(pid), 15_000);
  await until('the old backend stopped answering', async () => !(await answers()), 15_000);

  const child = spawn(exe!, args, { env, cwd, detached: true, stdio: 'ignore' });
  child.unref();
  await until('the restarted app answers', answers);
}
