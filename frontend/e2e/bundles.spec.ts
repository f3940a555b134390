import { expect, test, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { restartApp } from './restart';

// Bundles through the UI against the real Go backend (`wails dev`): an
// integration with a configuration holding a secret is exported with the
// Export button, the file is checked for the secret, then the app restarts on
// a fresh data dir and the bundle is imported with Import bundle: previewed,
// imported, listed, its configuration waiting for its secret.
// The native save/open dialogs answer from files in the scripted-dialogs
// folder (INTEGRATION_STUDIO_SCRIPTED_DIALOGS, set in playwright.config.ts).

const artifacts = process.env.ARTIFACTS ?? resolve(__dirname, '../../tests/artifacts');
const shot = (page: Page, name: string) => page.screenshot({ path: join(artifacts, `${name}.png`), animations: 'disabled' });
const dialogs = process.env.INTEGRATION_STUDIO_E2E_DIALOGS!;
const home = process.env.INTEGRATION_STUDIO_E2E_HOME!;

// A made-up test value, not a real credential.
const API_KEY = 'e2e-bundle-api-key-7d41c9';

type Bound = Record<string, (...args: unknown[]) => Promise<Record<string, unknown>>>;

/** The members of a zip, decompressed (read from its central directory). */
function unzip(data: Buffer): Map<string, Buffer> {
  let eocd = data.length - 22;
  while (eocd >= 0 && data.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip');
  const count = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = data.readUInt16LE(at + 10);
    const size = data.readUInt32LE(at + 20);
    const nameLen = data.readUInt16LE(at + 28);
    const extraLen = data.readUInt16LE(at + 30);
    const commentLen = data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    const name = data.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const raw = data.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Closes the notifications, so screenshots show the page under them. */
async function dismissNotifications(page: Page) {
  const notes = page.locator('.mantine-Notification-root');
  // One may close by itself meanwhile.
  for (const close of await notes.getByRole('button').all()) await close.click({ timeout: 2_000 }).catch(() => {});
  await expect(notes).toHaveCount(0);
}

function answerDialog(kind: 'save' | 'open', path: string) {
  writeFileSync(join(dialogs, kind), path);
}

let switched = false;

test.afterAll(async () => {
  rmSync(join(dialogs, 'save'), { force: true });
  rmSync(join(dialogs, 'open'), { force: true });
  // The specs after this one run on the suite's data dir again.
  if (switched) await restartApp({ INTEGRATION_STUDIO_HOME: home });
});

test('exports an integration from the UI without its secret and imports it into a second data dir', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'New integration' }).first()).toBeVisible();

  // Setup through the bindings: an API key integration with one action and a configuration whose key is in the keyring.
  const name = `Nimbus Tickets ${Date.now() % 100000}`;
  const id = await page.evaluate(
    async ({ name, key }) => {
      const app = (window as unknown as { go: { main: { App: Bound } } }).go.main.App;
      const it = await app.CreateIntegration!({ name, description: 'Tickets and customers of the Nimbus help desk.' });
      const id = it.id as string;
      await app.SetIntegrationHostname!(id, 'api.nimbus.test');
      await app.UpdateIntegration!(id, {
        name,
        description: 'Tickets and customers of the Nimbus help desk.',
        hostname: 'api.nimbus.test',
        auth: { method: 'api_key', api_key: { header_name: 'X-API-Key' } },
        pagination: { type: 'none' },
      });
      for (const [n, path] of [
        ['List tickets', '/tickets'],
        ['Get customer', '/customers/{id}'],
      ]) {
        const action = await app.AddAction!(id);
        await app.UpdateAction!(id, { ...action, name: n, method: 'GET', path });
      }
      await app.CreateConfiguration!(id, { name: 'Contoso', organization: 'Contoso Ltd', values: {}, secrets: { api_key: key } });
      return id;
    },
    { name, key: API_KEY },
  );

  // Export in the UI: the save dialog answers with a path in a fresh folder.
  const outDir = mkdtempSync(join(tmpdir(), 'studio-bundles-'));
  const file = join(outDir, `${name}.isbundle`);
  answerDialog('save', file);
  await page.goto(`/#/integrations/${id}`);
  await expect(page.getByTestId('editor-title')).toHaveText(name);
  await page.getByTestId('export-integration').click();
  const exportDialog = page.getByRole('dialog', { name: `Export “${name}”` });
  await expect(exportDialog.getByTestId('export-no-secrets')).toContainText('Never a secret');
  const sign = exportDialog.getByRole('switch', { name: /Sign with this computer's key/ });
  await sign.click();
  await expect(sign).toBeChecked();
  await shot(page, 'bundles-1-export');
  await exportDialog.getByTestId('export-confirm').click();
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: `Saved to ${file}` })).toBeVisible({ timeout: 20_000 });
  await expect(exportDialog).toBeHidden();
  await shot(page, 'bundles-2-exported');

  // The file is there, and neither its bytes nor any member holds the secret.
  expect(existsSync(file)).toBe(true);
  const bytes = readFileSync(file);
  expect(bytes.includes(API_KEY)).toBe(false);
  const members = unzip(bytes);
  expect([...members.keys()]).toEqual(expect.arrayContaining(['manifest.json', 'integration.json']));
  for (const [member, content] of members) expect(content.includes(API_KEY), `${member} holds the secret`).toBe(false);
  const integ = members.get('integration.json')!.toString('utf8');
  expect(integ).toContain('Contoso');
  expect(JSON.parse(members.get('manifest.json')!.toString('utf8')).signature?.fingerprint).toMatch(/^SHA256:/);

  // A second data dir: the same app restarted on an empty INTEGRATION_STUDIO_HOME.
  const secondHome = mkdtempSync(join(tmpdir(), 'studio-e2e-second-'));
  switched = true;
  await restartApp({ INTEGRATION_STUDIO_HOME: secondHome });
  await page.goto('/');
  await expect(page.getByTestId('integrations-empty')).toBeVisible();

  // Import bundle in the UI: the open dialog answers with the exported file.
  answerDialog('open', file);
  await page.getByTestId('import-bundle').click();
  const preview = page.getByRole('dialog').filter({ has: page.getByTestId('bundle-preview') });
  await expect(preview.getByTestId('bundle-name')).toHaveText(name);
  await expect(preview.getByTestId('bundle-signature')).toHaveText(/^Signed by SHA256:[0-9a-f:]+$/);
  await expect(preview.getByTestId('bundle-hostname')).toContainText('api.nimbus.test');
  await expect(preview.getByTestId('bundle-auth')).toContainText('API Key');
  await expect(preview.getByTestId('bundle-actions')).toContainText('2');
  await expect(preview.getByTestId('bundle-configuration')).toContainText('needs api_key');
  await expect(preview.getByTestId('bundle-conflict')).toHaveCount(0);
  await page.mouse.move(0, 0);
  await shot(page, 'bundles-3-import-preview');
  await preview.getByTestId('bundle-import').click();
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: 'Integration imported' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/integrations/${id}$`));
  await expect(page.getByTestId('editor-title')).toHaveText(name);

  // Listed on the Integrations page of the second data dir.
  await page.getByTestId('nav-integrations').click();
  const row = page.getByTestId('integration-row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row.getByLabel('2 actions')).toBeVisible();
  await expect(page.getByTestId('integration-row')).toHaveCount(1);
  await dismissNotifications(page);
  await shot(page, 'bundles-4-listed');

  // Its configuration came without its secret.
  await row.getByTestId('integration-link').click();
  await page.getByTestId('tab-configurations').click();
  const config = page.getByTestId('configuration-row').filter({ hasText: 'Contoso' });
  await expect(config.getByTestId('configuration-status')).toHaveText('Secret missing');
  await expect(config.getByTestId('configuration-needs-credentials')).toContainText('Needs credentials: enter its API key');
  await shot(page, 'bundles-5-secret-missing');

  // Importing the same bundle again asks what to do with the existing integration.
  await page.getByTestId('nav-integrations').click();
  await page.getByTestId('import-bundle').click();
  const again = page.getByRole('dialog').filter({ has: page.getByTestId('bundle-preview') });
  await expect(again.getByTestId('bundle-conflict')).toContainText('This integration is already here');
  await expect(again.getByRole('radio', { name: /Keep both/ })).toBeChecked();
  await shot(page, 'bundles-6-conflict');
  await again.getByTestId('bundle-import').click();
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: `imported as “${name} (2)”` })).toBeVisible();
  await expect(page.getByTestId('editor-title')).toHaveText(`${name} (2)`);

  // Delete the copy from its page: confirmed, then back to the list.
  await page.getByTestId('integration-menu').click();
  await page.getByTestId('delete-integration').click();
  const del = page.getByRole('dialog', { name: `Delete “${name} (2)”?` });
  await expect(del.getByTestId('delete-integration-configurations')).toContainText('its 1 configuration, and their secrets and tokens in the OS keyring');
  await shot(page, 'bundles-7-delete');
  await del.getByTestId('confirm-delete-integration').click();
  await expect(page).toHaveURL(/#\/integrations$/);
  await expect(page.getByTestId('integration-row')).toHaveCount(1);
});
