import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { shot, startPrism } from './support';

// The Test panel against the real Go backend (`wails dev`) and a real mock vendor: Stoplight
// Prism (npm @stoplight/prism-cli) serving a small OpenAPI 3 spec on loopback. The spec is
// imported, the integration pointed at Prism with No Auth and no pagination, and then, in the UI, an action is
// tested: items, the trace with its page timeline, the transcript and the history.

const specPath = resolve(__dirname, 'fixtures/tickets-openapi.json');

let stopPrism: (() => void) | undefined;
let port = 0;

test.beforeAll(async () => {
  const prism = await startPrism(specPath, '/tickets');
  port = prism.port;
  stopPrism = prism.stop;
});

test.afterAll(() => {
  stopPrism?.();
});

type Bound = Record<string, (...args: unknown[]) => Promise<Record<string, unknown>>>;

/** Imports the spec through the real bindings and points the integration at Prism, No Auth. */
async function prismIntegration(page: Page, name: string): Promise<string> {
  return page.evaluate(
    async ({ name, text, host }) => {
      const app = (window as unknown as { go: { main: { App: Bound } } }).go.main.App;
      const preview = await app.ImportSpecText!('tickets-openapi.json', text);
      const saved = await app.SaveSpecImport!(preview.importId as string, name);
      const id = (saved.integration as { id: string }).id;
      const form = { name, description: 'Test panel end-to-end test.', hostname: host, auth: { method: 'none' }, pagination: { type: 'none' } };
      await app.UpdateIntegration!(id, form);
      // The importer marks GET /tickets paginated (it takes a page parameter); Prism returns the same
      // example for every page, so the action is tested as one request.
      const list = (await app.ListActions!(id, { search: '', method: '', tag: '', paginated: '', offset: 0, limit: 10 })) as { actions: Record<string, unknown>[] };
      for (const a of list.actions) await app.UpdateAction!(id, { ...a, paginated: false, pagination: undefined });
      // Resume the editor on its Actions step (nothing else is committed by opening it).
      await app.SaveEditorDraft!(id, 'actions', form);
      return id;
    },
    { name, text: readFileSync(specPath, 'utf8'), host: `127.0.0.1:${port}` },
  );
}

test('tests an action against a Prism mock vendor: items, trace with the page timeline, transcript and history', async ({ page }) => {
  test.setTimeout(90_000);
  const csp: string[] = [];
  page.on('console', (msg) => {
    if (/Content[- ]Security[- ]Policy/i.test(msg.text())) csp.push(msg.text());
  });
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'New integration' }).first()).toBeVisible();
  const name = `Helpdesk Mock ${Date.now() % 100000}`;
  const id = await prismIntegration(page, name);

  await page.goto(`/#/integrations/${id}`);
  await expect(page.getByTestId('editor-title')).toHaveText(name);
  await expect(page.getByTestId('step-title')).toHaveText('Actions');
  const row = page.getByTestId('action-row').filter({ hasText: '/tickets' });
  await expect(row).toBeVisible();
  await shot(page, 'testpanel-1-actions');

  // The row's Test button opens the panel with a form generated from the parameters.
  await row.getByTestId('action-test').click();
  const panel = page.getByTestId('test-panel');
  await expect(page.getByTestId('test-panel-title')).toHaveText('Test List tickets');
  await expect(panel.getByTestId('test-path')).toHaveText(`127.0.0.1:${port}/tickets`);
  await expect(panel.getByTestId('test-configuration')).toHaveValue('None (No Auth)');
  await expect(panel.getByRole('textbox', { name: 'page', exact: true })).toHaveValue('1');
  await panel.getByRole('combobox', { name: 'status', exact: true }).click();
  await page.getByRole('option', { name: 'open' }).click();
  await expect(panel.getByRole('combobox', { name: 'status', exact: true })).toHaveValue('open');
  await shot(page, 'testpanel-2-form');

  // Test: Prism answers with the spec's example.
  await panel.getByTestId('test-run').click();
  await expect(panel.getByTestId('run-complete')).toHaveText('Complete', { timeout: 30_000 });
  await expect(panel.getByTestId('run-stats')).toContainText('3 items · 1 page');
  await expect(panel.getByTestId('run-error')).toHaveCount(0);
  await expect(panel.getByTestId('item-row')).toHaveCount(3);
  await expect(panel.getByTestId('item-row').first()).toContainText('"subject": "Printer on floor 3 is offline"');
  await shot(page, 'testpanel-3-items');

  // Trace: one page, status 200, and its picture.
  await panel.getByTestId('tab-trace').click();
  const bars = panel.getByTestId('timeline-bar');
  await expect(bars).toHaveCount(1);
  await expect(bars.first()).toContainText('Page 1');
  await expect(bars.first()).toContainText(/200 · \d[\d,]* ms · 3 items/);
  await expect(panel.getByTestId('trace-row')).toHaveCount(1);
  await expect(panel.getByTestId('trace-row')).toContainText(`http://127.0.0.1:${port}/tickets?page=1&status=open`);
  await expect(panel.getByTestId('trace-row')).toContainText('200');
  await expect(panel.getByTestId('timeline-stop')).toContainText('Stopped');
  await shot(page, 'testpanel-4-trace');

  // Transcript: the exchange with its headers and the pretty response body.
  await panel.getByTestId('tab-transcript').click();
  const exchange = panel.getByTestId('exchange');
  await expect(exchange).toHaveCount(1);
  await expect(exchange).toContainText('GET');
  await expect(exchange.getByRole('table', { name: 'Response headers' })).toContainText('application/json');
  await expect(exchange.getByRole('textbox', { name: 'Response body' })).toContainText('VPN drops every hour');
  await expect(panel.getByTestId('copy-curl')).toBeEnabled();
  await shot(page, 'testpanel-5-transcript');

  // A second run with Ctrl+Enter; the history keeps both, and a past run opens in the result view.
  await panel.getByRole('textbox', { name: 'page', exact: true }).click();
  await page.keyboard.press('Control+Enter');
  await expect(panel.getByTestId('test-running')).toHaveCount(0, { timeout: 30_000 });
  await panel.getByTestId('tab-history').click();
  await expect(panel.getByTestId('history-row')).toHaveCount(2);
  await expect(panel.getByTestId('history-row').first()).toContainText('No configuration');
  await expect(panel.getByTestId('history-row').first()).toContainText('Complete');
  await panel.getByTestId('history-row').nth(1).getByRole('checkbox').check();
  await panel.getByTestId('history-row').nth(0).getByRole('checkbox').check();
  await panel.getByTestId('compare-runs').click();
  await expect(panel.getByTestId('run-compare')).toBeVisible();
  await expect(panel.getByTestId('compare-same')).toHaveText('Both runs brought back the same items.');
  await shot(page, 'testpanel-6-history-compare');
  await panel.getByTestId('history-row').nth(1).click();
  await expect(panel.getByTestId('run-from-history')).toContainText('From the history');
  await expect(panel.getByTestId('item-row')).toHaveCount(3);

  // Closing the panel returns to the actions.
  await page.getByRole('button', { name: 'Close the test panel' }).click();
  await expect(panel).toBeHidden();
  expect(csp).toEqual([]);
});
