import { expect, test, type Page } from '@playwright/test';
import { join, resolve } from 'node:path';
import { restartApp } from './restart';

// The authoring user stories of the Rewst seed ("Set up your custom
// integration", steps 1–23), against the real Go backend through `wails dev`.

const petstore = resolve(__dirname, '../../backend/spec/testdata/petstorev3.json');
const artifacts = process.env.ARTIFACTS ?? resolve(__dirname, '../../tests/artifacts');

/** Keeps a picture of each step for people reviewing a run (and the README). */
const shot = (page: Page, name: string) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });

const step = (page: Page) => page.getByTestId('step-title');

async function next(page: Page, expected: string) {
  await page.getByTestId('editor-next').click();
  await expect(step(page)).toHaveText(expected);
}

const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" onload="alert(1)">
  <script>alert('x')</script>
  <circle cx="12" cy="12" r="10" fill="#7c3aed"/>
  <path d="M7 12h10M12 7v10" stroke="#fff" stroke-width="2"/>
</svg>`;

test('builds an integration from scratch through every step (OAuth 2.0 client credentials, Pointer), and it survives a restart', async ({ page }) => {
  test.setTimeout(120_000);
  const name = `Zephyr CRM ${Date.now() % 100000}`;
  await page.goto('/');
  await page.getByRole('button', { name: 'New integration' }).first().click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Description').fill('Contacts and deals from Zephyr.');
  await page.getByRole('button', { name: 'Create' }).click();

  // 1. Details: the icon must be an SVG; a malicious one is made safe.
  await expect(step(page)).toHaveText('Details');
  const editorUrl = page.url();
  const iconInput = page.locator('input[type="file"][accept*="svg"]');
  await iconInput.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
  await expect(page.getByTestId('icon-error')).toContainText('"logo.png" (image/png) is not an SVG file');
  await iconInput.setInputFiles({ name: 'zephyr.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(ICON) });
  await expect(page.getByTestId('icon-removed')).toContainText(/script/i);
  await expect(page.getByTestId('icon-preview').locator('img')).toBeVisible();
  await shot(page, 'editor-1-details');

  // 2. Hostname: a URL is refused with the reason; its host is offered.
  await next(page, 'Hostname');
  const host = page.getByRole('textbox', { name: /^Hostname/ });
  await host.fill('https://api.zephyr.test/v1');
  await host.blur();
  await expect(page.getByText('Leave out the scheme "https://"')).toBeVisible();
  await page.getByRole('button', { name: 'Use “api.zephyr.test”' }).click();
  await expect(host).toHaveValue('api.zephyr.test');
  await shot(page, 'editor-2-hostname');

  // 3. Auth method, with the seed's guidance.
  await next(page, 'Auth method');
  await expect(page.getByTestId('auth-choice-oauth2:client_credentials')).toContainText('Choose this if');
  await page.getByTestId('auth-choice-oauth2:client_credentials').click();
  await shot(page, 'editor-3-auth-method');
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  // The README's picture (docs/editor.png), once the "created" toast has gone.
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await page.screenshot({ path: join(artifacts, 'readme-editor.png') });
  await page.setViewportSize({ width: 1280, height: 720 });

  // 4. Auth defaults: shared-defaults warning, required token URL, ranges.
  await next(page, 'Auth defaults');
  await expect(page.getByTestId('shared-warning')).toContainText('export');
  await expect(page.getByRole('textbox', { name: /OAuth Authorization Code URL/ })).toHaveCount(0);
  await page.getByTestId('editor-next').click();
  await expect(page.getByTestId('step-problems')).toBeVisible();
  await expect(step(page)).toHaveText('Auth defaults');
  await page.getByRole('textbox', { name: /OAuth Access Token URL/ }).fill('https://login.zephyr.test/oauth/token');
  const buffer = page.getByRole('textbox', { name: /Refresh Buffer/ });
  await buffer.fill('10');
  await buffer.blur();
  await expect(page.getByText(/Refresh Buffer must be 30 to 3600 seconds.*it is 10\./).first()).toBeVisible();
  await buffer.fill('120');
  await page.getByRole('textbox', { name: /OAuth Scope/ }).fill('contacts.read deals.read');
  await expect(page.getByText(/it is 10\./)).toHaveCount(0);
  await shot(page, 'editor-4-auth-defaults');

  // Restart mid-way, with this step typed but not stored yet: the draft brings it back.
  await page.waitForTimeout(600); // the autosave waits for a pause in typing
  await expect(page.getByTestId('autosave')).toHaveText('Draft saved');
  await restartApp();
  await page.goto('about:blank');
  await page.goto(editorUrl);
  await expect(step(page)).toHaveText('Auth defaults');
  await expect(page.getByText('Resumed where you left off')).toBeVisible();
  await expect(page.getByRole('textbox', { name: /OAuth Access Token URL/ })).toHaveValue('https://login.zephyr.test/oauth/token');
  await expect(page.getByRole('textbox', { name: /Refresh Buffer/ })).toHaveValue('120 s');
  await expect(page.getByRole('textbox', { name: /OAuth Scope/ })).toHaveValue('contacts.read deals.read');

  // 5–6. Pagination: Pointer, with a validated JSONPath.
  await next(page, 'Pagination');
  await page.getByTestId('pagination-choice-pointer').click();
  await shot(page, 'editor-5-pagination-type');
  await next(page, 'Pagination details');
  await page.getByRole('textbox', { name: /Results Key/ }).fill('data');
  await page.getByRole('textbox', { name: /After Param/ }).fill('after');
  const pointer = page.getByRole('textbox', { name: /Pointer JSONPath/ });
  await pointer.fill('$.meta.[');
  await pointer.blur();
  await expect(page.getByText('Pointer JSONPath "$.meta.[" is not a valid RFC 9535 JSONPath', { exact: false })).toBeVisible();
  await pointer.fill('$.meta.next_cursor');
  await shot(page, 'editor-6-pagination-details');

  // 7. Actions: add one, name it, mark it paginated.
  await next(page, 'Actions');
  await page.getByRole('button', { name: 'Add action' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('textbox', { name: /^Name/ }).fill('List contacts');
  await drawer.getByRole('textbox', { name: /^Path/ }).fill('/contacts');
  await drawer.getByRole('switch', { name: 'Paginated' }).check();
  await drawer.getByRole('button', { name: 'Save action' }).click();
  await expect(page.getByTestId('action-row').filter({ hasText: 'List contacts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('action-row').filter({ hasText: 'List contacts' })).toContainText('/contacts');
  await shot(page, 'editor-7-actions');

  // 8. Finalize step: the summary.
  await next(page, 'Finalize');
  const summary = page.getByTestId('finalize-summary');
  await expect(summary).toContainText('api.zephyr.test');
  await expect(summary).toContainText('OAuth 2.0 — Client Credentials');
  await expect(summary).toContainText('Pointer');
  await shot(page, 'editor-8-finalize');
  const url = page.url();

  // Restart the app: everything is there, and the editor resumes where it was.
  await restartApp();
  await page.goto('about:blank'); // a fresh page load, not a same-document hash change
  await page.goto(url);
  await expect(page.getByTestId('editor-title')).toHaveText(name);
  await expect(step(page)).toHaveText('Finalize');
  await expect(page.getByText('Resumed where you left off')).toBeVisible();
  await expect(page.getByTestId('finalize-summary')).toContainText('OAuth 2.0 — Client Credentials');
  await page.getByTestId('step-auth_defaults').click();
  await expect(step(page)).toHaveText('Auth defaults');
  await expect(page.getByRole('textbox', { name: /OAuth Access Token URL/ })).toHaveValue('https://login.zephyr.test/oauth/token');
  await expect(page.getByRole('textbox', { name: /Refresh Buffer/ })).toHaveValue('120 s');
  await expect(page.getByRole('textbox', { name: /OAuth Scope/ })).toHaveValue('contacts.read deals.read');
  await page.getByTestId('step-pagination_details').click();
  await expect(page.getByRole('textbox', { name: /After Param/ })).toHaveValue('after');
  await expect(page.getByRole('textbox', { name: /Pointer JSONPath/ })).toHaveValue('$.meta.next_cursor');
  await page.getByTestId('step-actions').click();
  await expect(page.getByTestId('action-row').filter({ hasText: 'List contacts' })).toContainText(/Paginated/i);
  await expect(page.getByTestId('editor-icon').locator('img')).toBeVisible();
  await page.getByTestId('step-details').click();
  await expect(page.getByRole('textbox', { name: /Description/ })).toHaveValue('Contacts and deals from Zephyr.');
  await page.getByTestId('step-hostname').click();
  await expect(page.getByRole('textbox', { name: /^Hostname/ })).toHaveValue('api.zephyr.test');
});

test('imports a spec, renames actions with a preview, marks one paginated, maps organisations, finalizes, publishes, and Draft is refused', async ({ page }) => {
  test.setTimeout(120_000);
  const name = `Petstore ${Date.now() % 100000}`;
  await page.goto('/#/import');
  await page.getByTestId('spec-file-input').setInputFiles(petstore);
  await expect(page.getByRole('textbox', { name: 'Integration name' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Integration name' }).fill(name);
  await page.getByRole('button', { name: 'Save as draft integration' }).click();

  // The editor opens with the spec's suggestions and their evidence.
  await expect(page.getByTestId('editor-title')).toHaveText(name);
  await next(page, 'Hostname');
  await expect(page.getByTestId('hostname-suggestion')).toContainText('names no host');
  await page.getByRole('textbox', { name: /^Hostname/ }).fill('petstore3.swagger.io');
  await next(page, 'Auth method');
  await expect(page.getByTestId('auth-suggestion').first()).toContainText('api_key');
  await expect(page.getByTestId('auth-suggestion').first()).toContainText('In use');
  await next(page, 'Auth defaults');
  await expect(page.getByRole('textbox', { name: /API Key Header Name/ })).toHaveValue('api_key');
  await next(page, 'Pagination');
  await next(page, 'Pagination details');
  await next(page, 'Actions');

  // Regex replace with a live preview, applied to all actions.
  await expect(page.getByTestId('action-row').first()).toBeVisible();
  await page.getByRole('button', { name: 'Regex replace' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Pattern').fill('^Finds (.*) by (.*)$');
  await dialog.getByLabel('Replace with').fill('List $1 by $2');
  await expect(dialog.getByText('List Pets by status')).toBeVisible();
  await expect(dialog.getByText('List Pets by tags')).toBeVisible();
  await shot(page, 'editor-regex-replace');
  await dialog.getByRole('button', { name: 'Replace 2' }).click();
  await expect(dialog).toBeHidden();
  const search = page.getByRole('textbox', { name: 'Search actions' });
  await search.fill('List Pets');
  await expect(page.getByTestId('action-row')).toHaveCount(2);

  // No paginated action yet: no organisation mapping.
  await expect(page.getByTestId('org-mapping')).toHaveCount(0);
  await page.getByTestId('action-row').filter({ hasText: 'List Pets by status' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('switch', { name: 'Paginated' }).check();
  await shot(page, 'editor-action-drawer');
  await drawer.getByRole('button', { name: 'Save action' }).click();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  const mapping = page.getByTestId('org-mapping');
  await expect(mapping).toBeVisible();
  await mapping.getByRole('combobox', { name: 'Action that lists the organisations' }).click();
  await page.getByRole('option', { name: /List Pets by status/ }).click();
  await mapping.getByRole('button', { name: 'Add organisation' }).click();
  await mapping.getByRole('textbox', { name: 'Vendor organisation ID, row 1' }).fill('42');
  await mapping.getByRole('textbox', { name: 'Vendor organisation name, row 1' }).fill('Doggie Day Care');
  await mapping.getByRole('textbox', { name: 'Client organisation, row 1' }).fill('Contoso Pets');
  await mapping.getByRole('button', { name: 'Save mapping' }).click();
  await expect(page.getByText('Organization mapping saved')).toBeVisible();
  await shot(page, 'editor-org-mapping');

  await next(page, 'Finalize');
  await page.getByTestId('finalize').click();
  const confirm = page.getByRole('dialog');
  await expect(confirm.getByTestId('finalize-readonly')).toContainText('Hostname: petstore3.swagger.io');
  await expect(confirm.getByTestId('finalize-readonly')).toContainText('Authentication method');
  await expect(confirm.getByTestId('finalize-readonly')).toContainText('Pagination type');
  await shot(page, 'editor-finalize-confirm');
  await confirm.getByTestId('confirm-finalize').click();
  await expect(page.getByTestId('finalized-note')).toBeVisible();

  const status = page.getByTestId('status-control');
  await status.getByText('Published', { exact: true }).click();
  await expect(page.getByTestId('editor-status')).toHaveText(/published/i);
  await status.getByText('Draft', { exact: true }).click();
  await expect(page.getByTestId('status-error')).toContainText('Draft');
  await shot(page, 'editor-status-refused');

  // The hostname is read-only now.
  await page.getByTestId('step-hostname').click();
  await expect(page.getByRole('textbox', { name: /^Hostname/ })).toBeDisabled();
});
