import { expect, test, type Page } from '@playwright/test';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { freePort, shot } from './support';

// API tokens, the local automation API and signed webhooks against the real Go backend
// (`wails dev`): a token created in the UI calls the local API from this test, and a
// webhook to a loopback receiver started here gets a signed ping when Test is pressed.

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let receiver: Server | undefined;
let receiverPort = 0;
const received: Received[] = [];

test.beforeAll(async () => {
  receiverPort = await freePort();
  receiver = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('received');
    });
  });
  await new Promise<void>((ok) => receiver!.listen(receiverPort, '127.0.0.1', ok));
});

test.afterAll(async () => {
  await new Promise((ok) => receiver?.close(ok));
});

/** Standard Webhooks verification, written here independently of the app. */
function verified(key: string, r: Received): boolean {
  const secret = Buffer.from(key.replace(/^whsec_/, ''), 'base64');
  const id = String(r.headers['webhook-id']);
  const ts = String(r.headers['webhook-timestamp']);
  if (Math.abs(Date.now() / 1000 - Number(ts)) > 300) return false;
  const want = Buffer.from('v1,' + createHmac('sha256', secret).update(`${id}.${ts}.${r.body}`).digest('base64'));
  return String(r.headers['webhook-signature'] ?? '')
    .split(' ')
    .some((sig) => sig.length === want.length && timingSafeEqual(Buffer.from(sig), want));
}

type Bound = Record<string, (...args: unknown[]) => Promise<Record<string, unknown>>>;

test('a token made in the UI calls the local API, and a webhook Test delivers a signed ping', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/#/api-tokens');
  await expect(page.getByRole('heading', { name: 'API tokens', level: 2 })).toBeVisible();

  // Create a token: shown once.
  await page.getByRole('button', { name: 'Create token' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /Name/ }).fill(`e2e ${Date.now() % 100000}`);
  await dialog.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-token').textContent())?.trim() ?? '';
  expect(token).toMatch(/^ist_[0-9A-Za-z]{49}$/);
  await expect(page.getByText('Shown only once')).toBeVisible();
  await shot(page, 'automation-1-token');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('api-tokens')).toContainText(token.slice(0, 8));
  await expect(page.getByTestId('api-tokens')).not.toContainText(token);

  // Turn the local API on, on a free port, through the real bindings.
  const apiPort = await freePort();
  await page.evaluate(async (port) => {
    const app = (window as unknown as { go: { main: { App: Bound } } }).go.main.App;
    const current = await app.GetSettings!();
    await app.SaveSettings!({ ...current, localApiEnabled: true, localApiPort: port });
  }, apiPort);
  const api = `http://127.0.0.1:${apiPort}`;
  await expect.poll(async () => (await fetch(`${api}/v1/integrations`).catch(() => null))?.status ?? 0, { timeout: 10_000 }).toBe(401);
  const ok = await fetch(`${api}/v1/integrations`, { headers: { Authorization: `Bearer ${token}` } });
  expect(ok.status).toBe(200);
  expect(Array.isArray(await ok.json())).toBe(true);
  const description = await fetch(`${api}/openapi.json`);
  expect((await description.json()).openapi).toBe('3.0.3');

  // A webhook to the loopback receiver, with a generated key; Test sends a signed ping.
  await page.goto('/#/webhooks');
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Add webhook' }).first().click();
  const add = page.getByRole('dialog');
  await add.getByRole('textbox', { name: /Receiver URL/ }).fill(`http://127.0.0.1:${receiverPort}/hook`);
  await add.getByRole('button', { name: 'Add webhook' }).click();
  const key = (await page.getByTestId('new-signing-key').textContent())?.trim() ?? '';
  expect(key).toMatch(/^whsec_/);
  await page.getByRole('button', { name: 'Done' }).click();
  const row = page.getByTestId('webhooks').getByRole('row').filter({ hasText: `127.0.0.1:${receiverPort}` });
  await row.getByRole('button', { name: 'Test' }).click();
  await expect(page.getByText(/Delivered: 200 in \d+ ms/)).toBeVisible();
  await shot(page, 'automation-2-webhook-test');
  expect(received).toHaveLength(1);
  expect(JSON.parse(received[0]!.body).type).toBe('ping');
  expect(verified(key, received[0]!)).toBe(true);

  // Leave the API off for the other tests.
  await page.evaluate(async () => {
    const app = (window as unknown as { go: { main: { App: Bound } } }).go.main.App;
    const current = await app.GetSettings!();
    await app.SaveSettings!({ ...current, localApiEnabled: false });
  });
});
