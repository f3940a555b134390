import { expect, test, type Page } from '@playwright/test';
import { Events, OAuth2Server } from 'oauth2-mock-server';
import { join, resolve } from 'node:path';

// The Configurations tab against the real Go backend (`wails dev`) and a real
// third-party OAuth 2.0 server (npm's oauth2-mock-server) on loopback: a
// client-credentials configuration is added in the UI, authenticated, and
// shows "Signed in".

const artifacts = process.env.ARTIFACTS ?? resolve(__dirname, '../../tests/artifacts');
const shot = (page: Page, name: string) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true, animations: 'disabled' });

// A made-up test value, not a real credential.
const CLIENT_SECRET = 'e2e-test-client-secret';

// Sent by the test's own browser page only: a system browser the app may open
// is redirected nowhere, so the test's page is the one that completes the sign-in.
const E2E_HEADER = 'x-studio-e2e';

let oauth: OAuth2Server;
let tokenUrl: string;
let authorizationUrl: string;

test.beforeAll(async () => {
  oauth = new OAuth2Server();
  await oauth.issuer.keys.generate('RS256');
  await oauth.start(0, '127.0.0.1');
  const address = oauth.address();
  // The issuer names localhost; http is allowed for loopback hosts only.
  tokenUrl = `http://localhost:${address.port}/token`;
  authorizationUrl = `http://localhost:${address.port}/authorize`;
  oauth.service.on(Events.BeforeAuthorizeRedirect, (redirect, req) => {
    if (req.headers[E2E_HEADER] !== 'yes') redirect.url = new URL('http://127.0.0.1:9/not-the-test-browser');
  });
});

test.afterAll(async () => {
  await oauth?.stop();
});

type Bound = Record<string, (...args: unknown[]) => Promise<Record<string, unknown>>>;

/** An integration with OAuth 2.0 defaults pointing at the mock server, set up through the real bindings. */
async function oauthIntegration(page: Page, name: string, grant: 'client_credentials' | 'authorization_code' = 'client_credentials'): Promise<string> {
  return page.evaluate(
    async ({ name, tokenUrl, authorizationUrl, grant }) => {
      const app = (window as unknown as { go: { main: { App: Bound } } }).go.main.App;
      const it = await app.CreateIntegration!({ name, description: 'Configurations end-to-end test.' });
      const id = it.id as string;
      await app.SetIntegrationHostname!(id, 'api.zephyr.test');
      const defaults = (await app.AuthDefaultsFor!('oauth2', grant)) as { oauth2: Record<string, unknown> };
      const urls = grant === 'authorization_code' ? { token_url: tokenUrl, authorization_url: authorizationUrl } : { token_url: tokenUrl };
      await app.UpdateIntegration!(id, {
        name,
        description: 'Configurations end-to-end test.',
        hostname: 'api.zephyr.test',
        auth: { method: 'oauth2', oauth2: { ...defaults.oauth2, ...urls, scope: 'read' } },
        pagination: { type: 'none' },
      });
      return id;
    },
    { name, tokenUrl, authorizationUrl, grant },
  );
}

test('adds an OAuth 2.0 client-credentials configuration and signs it in against a real OAuth server', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'New integration' }).first()).toBeVisible();
  const name = `Zephyr Config ${Date.now() % 100000}`;
  const id = await oauthIntegration(page, name);

  await page.goto(`/#/integrations/${id}`);
  await expect(page.getByTestId('editor-title')).toHaveText(name);
  // The Setup tab is the editor as before.
  await expect(page.getByTestId('step-title')).toHaveText('Details');
  await page.getByTestId('tab-configurations').click();
  await expect(page.getByTestId('configurations-empty')).toBeVisible();
  await shot(page, 'configurations-1-empty');

  // Add: a missing name is refused on its field; the secret is write-only.
  await page.getByTestId('add-configuration').click();
  const form = page.getByTestId('configuration-form');
  await form.getByRole('textbox', { name: 'Client ID' }).fill('e2e-client');
  await form.getByTestId('secret-client_secret').fill(CLIENT_SECRET);
  await form.getByTestId('configuration-save').click();
  await expect(form.getByText('A configuration needs a name')).toBeVisible();
  await form.getByRole('textbox', { name: /^Name/ }).fill('Acme Corp');
  await form.getByRole('combobox', { name: 'Organisation' }).fill('Acme');
  await form.getByTestId('add-override').click();
  await form.getByRole('combobox', { name: 'Override 1 key' }).fill('oauth2.scope');
  await form.getByRole('textbox', { name: 'Override 1 value' }).fill('read write');
  await shot(page, 'configurations-2-form');
  await form.getByTestId('configuration-save').click();

  const row = page.getByTestId('configuration-row').filter({ hasText: 'Acme Corp' });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('configuration-status')).toHaveText('Signed out');
  await expect(row).toContainText('client e2e-client');

  // Authenticate: the backend fetches a token from the mock server.
  await row.getByTestId('configuration-authenticate').click();
  await expect(row.getByTestId('configuration-status')).toHaveText(/^Signed in · expires in (59 min|1 h)$/);
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: 'Signed in “Acme Corp”' })).toBeVisible();
  await shot(page, 'configurations-3-signed-in');

  // Test connection: GET actions are offered; the vendor's host does not exist here, so the
  // request fails and the dialog says why.
  await page.evaluate(async (id) => {
    const app = (window as unknown as { go: { main: { App: Bound } } }).go.main.App;
    const action = await app.AddAction!(id);
    await app.UpdateAction!(id, { ...action, name: 'Who am I', method: 'GET', path: '/me' });
  }, id);
  await row.getByTestId('configuration-test').click();
  const dialog = page.getByRole('dialog', { name: /Test connection/ });
  await expect(dialog.getByRole('combobox', { name: 'Action' })).toHaveValue('Who am I — GET /me');
  await dialog.getByTestId('test-send').click();
  await expect(dialog.getByTestId('test-error').or(dialog.getByTestId('test-result'))).toBeVisible({ timeout: 30_000 });
  await shot(page, 'configurations-5-test-connection');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Edit: the saved secret is never shown, only marked as saved.
  await row.getByTestId('configuration-edit').click();
  const secret = page.getByTestId('configuration-form').getByTestId('secret-client_secret');
  await expect(secret).toHaveValue('');
  await expect(secret).toHaveAttribute('placeholder', /saved/);
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Sign out, then the status says so, and it survives a re-list.
  await row.getByTestId('configuration-signout').click();
  await expect(row.getByTestId('configuration-status')).toHaveText('Signed out');
  await page.getByRole('button', { name: 'Refresh configurations' }).click();
  await expect(row.getByTestId('configuration-status')).toHaveText('Signed out');

  // Delete with its keyring entries.
  await row.getByTestId('configuration-delete').click();
  await expect(page.getByRole('dialog')).toContainText('keyring entries are deleted too');
  await page.getByTestId('confirm-delete-configuration').click();
  await expect(page.getByTestId('configurations-empty')).toBeVisible();
});

test('waits for the browser sign-in (authorization code), shows the redirect URI, and finishes when the browser comes back', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'New integration' }).first()).toBeVisible();
  const name = `Zephyr Sign-in ${Date.now() % 100000}`;
  const id = await oauthIntegration(page, name, 'authorization_code');
  await page.evaluate(
    async ({ id, secret }) => {
      const app = (window as unknown as { go: { main: { App: Bound } } }).go.main.App;
      await app.CreateConfiguration!(id, { name: 'Globex', organization: 'Globex', values: { clientId: 'e2e-client' }, secrets: { client_secret: secret } });
    },
    { id, secret: CLIENT_SECRET },
  );

  await page.goto(`/#/integrations/${id}`);
  await page.getByTestId('tab-configurations').click();
  const row = page.getByTestId('configuration-row').filter({ hasText: 'Globex' });
  await expect(row.getByTestId('configuration-status')).toHaveText('Signed out');

  // The form offers the fixed redirect port for this grant.
  await row.getByTestId('configuration-edit').click();
  await expect(page.getByRole('textbox', { name: 'Fixed redirect port' })).toHaveValue('');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await row.getByTestId('configuration-authenticate').click();
  const panel = page.getByTestId('signin-waiting');
  await expect(panel).toBeVisible();
  await expect(page.getByText('Waiting for the browser…')).toBeVisible();
  await expect(panel.getByLabel('Redirect URI', { exact: true })).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\//);
  const signInUrl = (await panel.getByLabel('Sign-in address', { exact: true }).textContent()) ?? '';
  expect(signInUrl).toContain(authorizationUrl);
  expect(signInUrl).toContain('code_challenge=');
  await shot(page, 'configurations-4-waiting-for-browser');

  // The user's browser: consent (the mock approves at once) and back to the loopback redirect.
  const browser = await page.context().newPage();
  await browser.setExtraHTTPHeaders({ [E2E_HEADER]: 'yes' });
  await browser.goto(signInUrl);
  await browser.close();

  await expect(panel).toBeHidden();
  await expect(row.getByTestId('configuration-status')).toHaveText(/^Signed in · expires in (59 min|1 h)$/);
  await expect(row.getByTestId('configuration-signout')).toBeVisible();
});
