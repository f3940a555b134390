import { expect, test } from '@playwright/test';

// Runs against `wails dev`: the page at :34115 calls the real Go bindings,
// which write to the isolated data dir set in playwright.config.ts.

test('creates an integration through the UI and still lists it after a reload', async ({ page }) => {
  const name = `Acme CRM ${Date.now() % 100000}`;
  await page.goto('/');
  await page.getByRole('link', { name: 'Integrations' }).first().click();

  await page.getByRole('button', { name: 'New integration' }).first().click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Description').fill('Customers, deals and invoices from Acme.');
  await page.getByRole('button', { name: 'Create' }).click();

  // A new integration opens in the editor, on its first step.
  await expect(page.getByTestId('editor-title')).toHaveText(name);
  await expect(page.getByTestId('step-title')).toHaveText('Details');
  await page.getByRole('link', { name: 'Integrations' }).first().click();
  await expect(page.getByTestId('integration-row').filter({ hasText: name })).toBeVisible();

  await page.reload();
  const row = page.getByTestId('integration-row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).toContainText(/draft/i);
});

test('names the problem when the name has special characters, and keeps the input', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New integration' }).first().click();
  await page.getByLabel('Name').fill('Acme!');
  await page.getByLabel('Description').fill('Will not be saved');
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(page.getByText('Name contains "!"')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue('Acme!');
  await expect(page.getByLabel('Description')).toHaveValue('Will not be saved');
});

test('a duplicate name is refused by the backend with the reason on the field', async ({ page }) => {
  const name = `Dup ${Date.now() % 100000}`;
  await page.goto('/');
  for (const attempt of [1, 2]) {
    await page.getByRole('button', { name: 'New integration' }).first().click();
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Description').fill(`attempt ${attempt}`);
    await page.getByRole('button', { name: 'Create' }).click();
    if (attempt === 1) {
      await expect(page.getByTestId('editor-title')).toHaveText(name);
      await page.getByRole('link', { name: 'Integrations' }).first().click();
    }
  }
  await expect(page.getByText(`An integration named "${name}" already exists`)).toBeVisible();
  await expect(page.getByLabel('Description')).toHaveValue('attempt 2');
});

test('the strict Content-Security-Policy is enforced: inline scripts do not run', async ({ page }) => {
  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.appendChild(s);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
});

test('every sidebar page opens on its own heading', async ({ page }) => {
  await page.goto('/');
  for (const nav of ['Blueprints', 'Webhooks', 'API tokens']) {
    await page.getByRole('link', { name: nav }).first().click();
    await expect(page.getByRole('heading', { name: nav, level: 2 })).toBeVisible();
  }
  await page.getByRole('link', { name: 'Settings' }).first().click();
  await expect(page.getByText(process.env.INTEGRATION_STUDIO_E2E_HOME!, { exact: true })).toBeVisible();
});
