import { expect, test, type Page } from '@playwright/test';
import { join, resolve } from 'node:path';

// Runs against `wails dev` (see playwright.config.ts): Chromium at :34115
// talks to the real Go bindings. In a plain browser a file reaches the app
// through the drop zone's hidden <input type="file">, read as text and sent
// to ImportSpecText.

const helpdesk = resolve(__dirname, '../../backend/spec/testdata/helpdesk.swagger.yaml');
const legacySwagger = resolve(__dirname, '../../backend/fix/testdata/rewst-troubleshooting.swagger.yaml');
const troubleshooting = resolve(__dirname, '../../backend/fix/testdata/rewst-troubleshooting.json');

/** Keeps a picture of key screens next to the report, for people reviewing a run. */
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(process.env.ARTIFACTS ?? resolve(__dirname, '../../tests/artifacts'), `${name}.png`) });

/** Fails the test on any Content-Security-Policy violation (CodeMirror injects styles). */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content[- ]Security[- ]Policy/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
}

async function openImport(page: Page) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Integrations' }).first().click();
  await page.getByRole('button', { name: 'Import OpenAPI' }).first().click();
  await expect(page.getByRole('heading', { name: 'Import OpenAPI' })).toBeVisible();
  await expect(page.getByTestId('spec-dropzone')).toContainText('Drop an OpenAPI or Swagger file (JSON or YAML) here');
}

test('imports a Swagger 2.0 YAML file: converted to OpenAPI 3, with its actions', async ({ page }) => {
  await openImport(page);
  await page.getByTestId('spec-file-input').setInputFiles(helpdesk);

  await expect(page.getByTestId('import-file-name')).toHaveText('helpdesk.swagger.yaml');
  await expect(page.getByTestId('import-version')).toContainText('converted');
  await expect(page.getByTestId('import-version')).toHaveText('Swagger 2.0 (YAML) → converted to OpenAPI 3.0.3');
  await expect(page.getByRole('textbox', { name: 'Integration name' })).toHaveValue('Helpdesk API');

  await page.getByRole('tab', { name: /^Actions/ }).click();
  await expect(page.getByTestId('action-row').first()).toBeVisible();
  expect(await page.getByTestId('action-row').count()).toBeGreaterThan(1);
  await expect(page.getByTestId('action-row').filter({ hasText: '/tickets' }).first()).toBeVisible();

  await page.getByRole('tab', { name: 'Suggestions' }).click();
  await expect(page.getByTestId('suggestion-host')).toContainText('api.helpdesk.example');
  await expect(page.getByTestId('suggestion-auth')).toContainText('X-Helpdesk-Key');

  // Nothing was stored: Discard goes back to the first step.
  await page.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByTestId('spec-dropzone')).toBeVisible();
});

test('a Swagger 2.0 YAML file with problems: findings in the original file, Fix all, then its actions', async ({ page }) => {
  await openImport(page);
  await page.getByTestId('spec-file-input').setInputFiles(legacySwagger);
  await expect(page.getByTestId('import-version')).toHaveText('Swagger 2.0 (YAML) → converted to OpenAPI 3.0.3');
  await expect(page.getByTestId('count-errors')).toHaveText('6 errors');
  // Lines point into the YAML the user dropped, even for converted definitions.
  await expect(page.getByTestId('finding-row').filter({ hasText: 'circular-reference' })).toContainText('53:9');

  await page.getByRole('button', { name: /^Fix all/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('fix-counts')).toContainText('0 errors');
  await dialog.getByRole('button', { name: 'Apply fixes' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('count-errors')).toHaveText('0 errors');

  await page.getByRole('tab', { name: /^Actions/ }).click();
  await expect(page.getByTestId('action-row')).toHaveCount(3);
  await expect(page.getByTestId('action-row').filter({ hasText: '/cages' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Discard' }).click();
});

test('fixes a spec with errors through the diff preview, then saves it as a draft', async ({ page }) => {
  const csp = watchCsp(page);
  const name = `Pedro Aviary ${Date.now() % 100000}`;
  await openImport(page);
  await page.getByTestId('spec-file-input').setInputFiles(troubleshooting);

  await expect(page.getByTestId('import-version')).toHaveText('OpenAPI 3.0.3 (JSON)');
  await expect(page.getByTestId('count-errors')).not.toHaveText('0 errors');

  // The list is virtualised: filter so the rows asked for are rendered.
  const filter = page.getByRole('textbox', { name: 'Filter findings' });
  for (const rule of ['operation-id-missing', 'circular-reference']) {
    await filter.fill(rule);
    await expect(page.getByTestId('finding-row').filter({ hasText: rule }).first()).toBeVisible();
  }
  await filter.fill('');
  await expect(page.getByTestId('finding-row').first()).toBeVisible();
  await shot(page, 'import-review');

  await page.getByRole('button', { name: /^Fix all/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const diff = dialog.getByTestId('spec-diff');
  await expect(diff).toBeVisible();
  await expect(diff.locator('.cm-mergeView')).toBeVisible();
  await expect(diff.locator('.cm-changedLine').first()).toBeVisible();
  await expect(dialog.getByTestId('fix-change').first()).toBeVisible();
  await expect(dialog.getByTestId('fix-counts')).toContainText('0 errors');
  await shot(page, 'import-fix-preview');

  await dialog.getByRole('button', { name: 'Apply fixes' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('count-errors')).toHaveText('0 errors');
  await expect(page.locator('[data-testid="finding-row"][data-severity="error"]')).toHaveCount(0);
  await expect(page.getByTestId('errors-remain')).toHaveCount(0);

  await page.getByRole('textbox', { name: 'Integration name' }).fill(name);
  await page.getByRole('button', { name: 'Save as draft integration' }).click();

  // The draft opens in the editor; the list has it too.
  await expect(page).toHaveURL(/#\/integrations\/[0-9a-f-]+$/);
  await expect(page.getByTestId('editor-title')).toHaveText(name);
  await page.getByRole('link', { name: 'Integrations' }).first().click();
  const row = page.getByTestId('integration-row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).toContainText(/draft/i);

  await page.reload();
  await expect(page.getByTestId('integration-row').filter({ hasText: name })).toBeVisible();
  expect(csp).toEqual([]);
});

test('pasted text that is not a spec is refused with the reason, and kept', async ({ page }) => {
  await openImport(page);
  await page.getByRole('tab', { name: 'Paste text' }).click();
  const text = 'openapi: 3.1.0\ninfo: [unclosed\n';
  await page.getByRole('textbox', { name: /OpenAPI or Swagger document/ }).fill(text);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-error')).toBeVisible();
  await expect(page.getByRole('textbox', { name: /OpenAPI or Swagger document/ })).toHaveValue(text);
});
