import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { shot, startPrism } from './support';

// Blueprints and playbooks against the real Go backend (`wails dev`) and a real mock vendor: Stoplight
// Prism (npm @stoplight/prism-cli) serving the tickets spec on loopback. The spec is imported and the
// integration pointed at Prism through the bindings (as in testpanel.spec.ts); then, in the UI, a
// blueprint is generated from the action, a playbook maps two of its fields with JSONPath, and Run now
// shows the records.

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

/**
 * Imports the spec through the real bindings, points the integration at Prism with No Auth and no
 * pagination, and tests the action once (the playbook preview maps the last test run).
 */
async function prismIntegration(page: Page, name: string): Promise<string> {
  return page.evaluate(
    async ({ name, text, host }) => {
      const app = (window as unknown as { go: { main: { App: Bound } } }).go.main.App;
      const preview = await app.ImportSpecText!('tickets-openapi.json', text);
      const saved = await app.SaveSpecImport!(preview.importId as string, name);
      const id = (saved.integration as { id: string }).id;
      const form = { name, description: 'Playbooks end-to-end test.', hostname: host, auth: { method: 'none' }, pagination: { type: 'none' } };
      await app.UpdateIntegration!(id, form);
      const list = (await app.ListActions!(id, { search: '', method: '', tag: '', paginated: '', offset: 0, limit: 10 })) as { actions: Record<string, unknown>[] };
      for (const a of list.actions) await app.UpdateAction!(id, { ...a, paginated: false, pagination: undefined });
      await app.RunAction!({ runId: '', integrationId: id, actionId: list.actions[0]!.id, configurationId: '', params: {}, body: '', maxPages: 0 });
      return id;
    },
    { name, text: readFileSync(specPath, 'utf8'), host: `127.0.0.1:${port}` },
  );
}

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(page.getByTestId(testId)).toHaveValue(option);
}

test('generates a blueprint from an action, maps it in a playbook and runs it against a Prism mock vendor', async ({ page }) => {
  test.setTimeout(120_000);
  const csp: string[] = [];
  page.on('console', (msg) => {
    if (/Content[- ]Security[- ]Policy/i.test(msg.text())) csp.push(msg.text());
  });
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'New integration' }).first()).toBeVisible();
  const suffix = Date.now() % 100000;
  const integration = `Helpdesk Playbooks ${suffix}`;
  await prismIntegration(page, integration);

  // Blueprints page: empty, then Generate from an action.
  await page.getByTestId('nav-blueprints').click();
  await expect(page.getByRole('heading', { name: 'Blueprints', level: 2 })).toBeVisible();
  await expect(page.getByTestId('blueprints-empty')).toBeVisible();
  await shot(page, 'playbooks-1-blueprints-empty');
  await page.getByTestId('generate-from-action').first().click();
  await pick(page, 'generate-integration', integration);
  await pick(page, 'generate-action', 'List tickets · GET /tickets');
  await shot(page, 'playbooks-2-generate');
  await page.getByTestId('propose-blueprint').click();

  // The proposal opens in the drawer: one field per property of the items.
  const form = page.getByTestId('blueprint-form');
  await expect(form.getByTestId('proposal-source')).toContainText('4 fields proposed from');
  const names = form.getByTestId('field-name');
  await expect(names).toHaveCount(4);
  const fieldNames = await names.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect([...fieldNames].sort()).toEqual(['id', 'priority', 'status', 'subject']);
  const blueprintName = `Tickets ${suffix}`;
  await form.getByTestId('blueprint-name').fill(blueprintName);
  // Trim: priority is not needed.
  await form.getByRole('button', { name: `Delete field ${fieldNames.indexOf('priority') + 1}` }).click();
  await expect(names).toHaveCount(3);
  await shot(page, 'playbooks-3-proposal');
  await form.getByTestId('save-blueprint').click();
  const bpRow = page.getByTestId('blueprint-row').filter({ hasText: blueprintName });
  await expect(bpRow).toBeVisible();
  await expect(bpRow).toContainText('3');
  await expect(bpRow).toContainText(integration);
  await shot(page, 'playbooks-4-blueprints');

  // Playbooks: create one on the action, mapping two fields with JSONPath.
  await page.getByTestId('tab-playbooks').click();
  await expect(page.getByTestId('playbooks-empty')).toBeVisible();
  await page.getByTestId('create-playbook').first().click();
  const pb = page.getByTestId('playbook-form');
  const playbookName = `Open tickets ${suffix}`;
  await pb.getByTestId('playbook-name').fill(playbookName);
  await pick(page, 'playbook-integration', integration);
  await pick(page, 'playbook-action', 'List tickets · GET /tickets');
  await expect(pb.getByTestId('playbook-configuration')).toHaveValue('None (No Auth)');
  await pb.getByTestId('playbook-blueprints').click();
  await page.getByRole('option', { name: blueprintName, exact: true }).click();
  await pb.getByRole('textbox', { name: `${blueprintName} id value` }).fill('$.id');
  await pb.getByRole('textbox', { name: `${blueprintName} subject value` }).fill('$.subject');
  // The preview maps the action's last test run as the mappings are typed.
  const preview = pb.getByTestId('playbook-preview');
  await expect(preview.getByTestId('preview-counts')).toContainText('3 items · 3 records · 0 errors');
  await expect(preview.getByTestId('record-row')).toHaveCount(3);
  await expect(preview.getByTestId('record-row').first()).toContainText('Printer on floor 3 is offline');
  await pb.getByRole('textbox', { name: `${blueprintName} subject value` }).scrollIntoViewIfNeeded();
  await shot(page, 'playbooks-5-editor-preview');
  await pb.getByTestId('save-playbook').click();
  await expect(pb).toBeHidden();

  const row = page.getByTestId('playbook-row').filter({ hasText: playbookName });
  await expect(row).toBeVisible();
  await expect(row).toContainText(blueprintName);
  await expect(row).toContainText('Never run');

  // Run now: the action is sent to Prism and every item is mapped.
  await row.getByTestId('playbook-run').click();
  const runs = page.getByTestId('playbook-runs');
  const result = runs.getByTestId('run-result');
  await expect(result.getByTestId('run-status')).toHaveText('Complete', { timeout: 30_000 });
  await expect(result.getByTestId('run-counts')).toContainText('3 items · 3 records · 0 errors');
  const records = result.getByTestId('record-row');
  await expect(records).toHaveCount(3);
  await expect(records.nth(0)).toContainText('101');
  await expect(records.nth(0)).toContainText('Printer on floor 3 is offline');
  await expect(records.nth(2)).toContainText('VPN drops every hour');
  await expect(runs.getByTestId('past-run')).toHaveCount(1);
  await shot(page, 'playbooks-6-run');

  await page.getByRole('button', { name: 'Close the runs' }).click();
  await expect(row.getByTestId('last-run')).toContainText('Complete');
  await shot(page, 'playbooks-7-list');
  expect(csp).toEqual([]);
});
