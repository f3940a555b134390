import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../api';
import { ApiError, type Action, type Blueprint, type Playbook, type PlaybookResult } from '../api';
import { renderWithProviders } from '../test/render';
import { summary } from '../test/fixtures';
import { BlueprintsPage } from './BlueprintsPage';

vi.mock('../api', async () => (await import('../test/apiMock')).apiMock());

function action(overrides: Partial<Action> = {}): Action {
  return {
    id: 'act-1',
    position: 0,
    name: 'List tickets',
    description: '',
    method: 'GET',
    path: '/tickets',
    parameters: [{ name: 'status', in: 'query', schema: { type: 'string' } }],
    tags: [],
    operationId: 'listTickets',
    requestContentType: '',
    deprecated: false,
    createdAt: '',
    paginated: false,
    ...overrides,
  } as Action;
}

function blueprint(overrides: Partial<Blueprint> = {}): Blueprint {
  return {
    id: 'bp-1',
    name: 'Tickets',
    description: 'Helpdesk tickets.',
    fields: [
      { name: 'id', description: 'Id', mappingRequired: true },
      { name: 'subject', description: 'Subject', mappingRequired: false },
      { name: 'owner.email', description: 'Owner', mappingRequired: false },
    ],
    integrationId: 'id-1',
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  };
}

function playbook(overrides: Partial<Playbook> = {}): Playbook {
  return {
    id: 'pb-1',
    name: 'Open tickets',
    integrationId: 'id-1',
    actionId: 'act-1',
    configurationId: '',
    params: { status: 'open' },
    blueprints: ['bp-1'],
    mappings: { 'bp-1': { id: { kind: 'path', value: '$.id' }, subject: { kind: 'path', value: '$.subject' } } },
    enabled: false,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  };
}

function result(overrides: Partial<PlaybookResult> = {}): PlaybookResult {
  return {
    id: 'run-1',
    startedAt: new Date(),
    durationMs: 42,
    status: 'complete',
    message: '',
    items: 2,
    records: [
      { item: 0, blueprint: 'Tickets', values: { id: 101, subject: 'Printer offline' }, errors: [] },
      { item: 1, blueprint: 'Tickets', values: { id: 102 }, errors: ['subject: path $.subject matched nothing'] },
    ],
    errorCount: 1,
    sourceRunId: 'src-1',
    ...overrides,
  };
}

beforeEach(() => {
  vi.mocked(api.listIntegrations).mockResolvedValue([summary({ id: 'id-1', name: 'Helpdesk' })]);
  vi.mocked(api.listBlueprints).mockResolvedValue([]);
  vi.mocked(api.listPlaybooks).mockResolvedValue([]);
  vi.mocked(api.listPlaybookRuns).mockResolvedValue([]);
  vi.mocked(api.listActions).mockResolvedValue({ actions: [action()], total: 1, tags: [] });
  vi.mocked(api.listConfigurations).mockResolvedValue([]);
});

async function openPlaybooks(user: ReturnType<typeof userEvent.setup>) {
  renderWithProviders(<BlueprintsPage />);
  await user.click(screen.getByRole('tab', { name: 'Playbooks' }));
}

describe('Blueprints', () => {
  it('shows the empty state, and a field error from create on that field', async () => {
    const user = userEvent.setup();
    vi.mocked(api.createBlueprint).mockRejectedValue(new ApiError('invalid', 'Field "email" needs a description.', 'fields[0].description'));
    renderWithProviders(<BlueprintsPage />);
    const empty = await screen.findByTestId('blueprints-empty');
    expect(within(empty).getByText('No blueprints yet')).toBeInTheDocument();
    await user.click(within(empty).getByRole('button', { name: 'Create blueprint' }));

    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Contacts');
    await user.type(screen.getByRole('textbox', { name: /^Description/ }), 'People to call.');
    await user.type(screen.getByRole('textbox', { name: 'Field 1 name' }), 'email');
    await user.click(screen.getByTestId('save-blueprint'));

    expect(await screen.findByText('Field "email" needs a description.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Field 1 description' })).toHaveAttribute('aria-invalid', 'true');
    expect(api.createBlueprint).toHaveBeenCalledWith({
      name: 'Contacts',
      description: 'People to call.',
      integrationId: '',
      fields: [{ name: 'email', description: '', mappingRequired: false }],
    });
  });

  it('generates from an action: the proposal fills the drawer, trimmed fields are not saved', async () => {
    const user = userEvent.setup();
    vi.mocked(api.proposeBlueprint).mockResolvedValue({
      name: 'List tickets',
      description: 'One page of tickets.',
      integrationId: 'id-1',
      source: 'items of the response',
      truncated: false,
      fields: [
        { name: 'id', description: 'Id (integer)', mappingRequired: true },
        { name: 'subject', description: 'Subject (string)', mappingRequired: false },
        { name: 'priority', description: 'Priority (string)', mappingRequired: false },
      ],
    });
    vi.mocked(api.createBlueprint).mockImplementation(async (input) => blueprint({ ...input, id: 'bp-9' }));
    renderWithProviders(<BlueprintsPage />);
    await user.click(await screen.findByTestId('generate-from-action'));
    await user.click(screen.getByRole('combobox', { name: 'Integration' }));
    await user.click(await screen.findByRole('option', { name: 'Helpdesk' }));
    await user.click(screen.getByRole('combobox', { name: 'Action' }));
    await user.click(await screen.findByRole('option', { name: 'List tickets · GET /tickets' }));
    await user.click(screen.getByTestId('propose-blueprint'));

    expect(api.proposeBlueprint).toHaveBeenCalledWith('id-1', 'act-1');
    expect(await screen.findByTestId('proposal-source')).toHaveTextContent('3 fields proposed from items of the response');
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveValue('List tickets');
    expect(screen.getByRole('textbox', { name: 'Field 2 name' })).toHaveValue('subject');
    expect(screen.getByRole('switch', { name: 'Field 1 mapping required' })).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Delete field 3' }));
    await user.click(screen.getByRole('button', { name: 'Move field 2 up' }));
    await user.click(screen.getByTestId('save-blueprint'));
    await waitFor(() => expect(api.createBlueprint).toHaveBeenCalledTimes(1));
    expect(vi.mocked(api.createBlueprint).mock.calls[0]![0]).toMatchObject({
      name: 'List tickets',
      integrationId: 'id-1',
      fields: [
        { name: 'subject', description: 'Subject (string)', mappingRequired: false },
        { name: 'id', description: 'Id (integer)', mappingRequired: true },
      ],
    });
  });

  it('lists blueprints and shows why a delete was refused', async () => {
    const user = userEvent.setup();
    vi.mocked(api.listBlueprints).mockResolvedValue([blueprint()]);
    vi.mocked(api.deleteBlueprint).mockRejectedValue(
      new ApiError('conflict', 'Blueprint "Tickets" is connected to the playbook(s) "Open tickets"; disconnect it there first.'),
    );
    renderWithProviders(<BlueprintsPage />);
    const row = await screen.findByTestId('blueprint-row');
    expect(row).toHaveTextContent('Tickets');
    expect(row).toHaveTextContent('3');
    expect(row).toHaveTextContent('1 required');
    expect(await within(row).findByText('Helpdesk')).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Delete Tickets' }));
    await user.click(screen.getByTestId('confirm-delete-blueprint'));
    expect(await screen.findByTestId('delete-blueprint-error')).toHaveTextContent('connected to the playbook(s) "Open tickets"');
    expect(api.deleteBlueprint).toHaveBeenCalledWith('bp-1');
  });
});

describe('Playbooks', () => {
  beforeEach(() => {
    vi.mocked(api.listBlueprints).mockResolvedValue([blueprint()]);
    vi.mocked(api.listPlaybooks).mockResolvedValue([playbook()]);
  });

  it('shows the refusal to enable, listing the unmapped fields', async () => {
    const user = userEvent.setup();
    vi.mocked(api.setPlaybookEnabled).mockRejectedValue(
      new ApiError('invalid', 'Map these "mapping required" fields first: Tickets.id, Contacts.phone.'),
    );
    await openPlaybooks(user);
    const row = await screen.findByTestId('playbook-row');
    expect(within(row).getByText('Never run')).toBeInTheDocument();
    await waitFor(() => expect(row).toHaveTextContent('Helpdesk · List tickets'));
    await user.click(within(row).getByRole('switch', { name: 'Enable Open tickets' }));
    expect(api.setPlaybookEnabled).toHaveBeenCalledWith('pb-1', true);
    const alert = await screen.findByTestId('enable-error');
    expect(alert).toHaveTextContent('“Open tickets” was not enabled');
    expect(alert).toHaveTextContent('Tickets.id, Contacts.phone');
    expect(within(row).getByRole('switch', { name: 'Enable Open tickets' })).not.toBeChecked();
  });

  it('runs now: status, counts, records and per-item errors, and the past runs', async () => {
    const user = userEvent.setup();
    const run = result();
    vi.mocked(api.runPlaybook).mockResolvedValue(run);
    vi.mocked(api.listPlaybookRuns).mockResolvedValueOnce([]).mockResolvedValue([run]);
    await openPlaybooks(user);
    await user.click(await screen.findByRole('button', { name: 'Run Open tickets now' }));

    const runs = await screen.findByTestId('playbook-runs');
    const res = await within(runs).findByTestId('run-result');
    expect(within(res).getByTestId('run-status')).toHaveTextContent('Complete');
    expect(within(res).getByTestId('run-counts')).toHaveTextContent('2 items · 2 records · 1 error · 42 ms');
    const rows = within(res).getAllByTestId('record-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Printer offline');
    expect(rows[1]).toHaveTextContent('subject: path $.subject matched nothing');
    expect(within(res).queryByTestId('run-message')).toBeNull();
    expect(await within(runs).findByTestId('past-run')).toHaveTextContent('Complete');
    expect(api.runPlaybook).toHaveBeenCalledWith('pb-1');
  });

  it('shows a failed run in a red alert with its partial records', async () => {
    const user = userEvent.setup();
    vi.mocked(api.runPlaybook).mockResolvedValue(
      result({ status: 'failed', message: 'Page 3: HTTP 500. The 2 records come from the pages before the failure.' }),
    );
    await openPlaybooks(user);
    await user.click(await screen.findByRole('button', { name: 'Run Open tickets now' }));
    const msg = await screen.findByTestId('run-message');
    expect(msg).toHaveTextContent('Page 3: HTTP 500');
    const res = screen.getByTestId('run-result');
    expect(within(res).getByTestId('run-status')).toHaveTextContent('Failed');
    expect(within(res).getAllByTestId('record-row')).toHaveLength(2);
  });

  it('previews the mappings, and says when the action was never tested', async () => {
    const user = userEvent.setup();
    vi.mocked(api.previewPlaybook).mockRejectedValue(
      new ApiError('invalid', 'The action has not been tested yet: run it once on its Test panel, then the preview maps its items.', 'actionId'),
    );
    await openPlaybooks(user);
    await user.click(await screen.findByRole('button', { name: 'Edit Open tickets' }));
    const form = await screen.findByTestId('playbook-form');
    expect(within(form).getByRole('textbox', { name: 'Tickets subject value' })).toHaveValue('$.subject');
    expect(within(form).getByText('required')).toBeInTheDocument();

    const err = await screen.findByTestId('preview-error', {}, { timeout: 3000 });
    expect(err).toHaveTextContent('The action has not been tested yet');
    expect(api.previewPlaybook).toHaveBeenCalledWith(expect.objectContaining({ actionId: 'act-1', blueprints: ['bp-1'], params: { status: 'open' } }));

    // Once tested, the preview shows the records; edits are previewed again.
    vi.mocked(api.previewPlaybook).mockResolvedValue(result({ status: 'preview' }));
    await user.type(within(form).getByRole('textbox', { name: 'Tickets owner.email value' }), '$.owner.email');
    expect(await screen.findByTestId('preview-counts', {}, { timeout: 3000 })).toHaveTextContent('2 items · 2 records · 1 error');
    expect(vi.mocked(api.previewPlaybook).mock.lastCall![0].mappings['bp-1']!['owner.email']).toEqual({ kind: 'path', value: '$.owner.email' });
  });

  it('creates a playbook and shows a mapping error on its input', async () => {
    const user = userEvent.setup();
    vi.mocked(api.listPlaybooks).mockResolvedValue([]);
    vi.mocked(api.previewPlaybook).mockResolvedValue(result({ status: 'preview' }));
    vi.mocked(api.createPlaybook).mockRejectedValue(
      new ApiError('invalid', '"$.[" is not a valid JSONPath (RFC 9535): unexpected at position 3.', 'mappings.Tickets.subject'),
    );
    await openPlaybooks(user);
    await user.click(await screen.findByTestId('create-playbook'));
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Tickets in');
    await user.click(screen.getByRole('combobox', { name: 'Integration' }));
    await user.click(await screen.findByRole('option', { name: 'Helpdesk' }));
    await user.click(screen.getByRole('combobox', { name: 'Action' }));
    await user.click(await screen.findByRole('option', { name: 'List tickets · GET /tickets' }));
    await user.click(screen.getByRole('combobox', { name: 'Connected blueprints' }));
    await user.click(await screen.findByRole('option', { name: 'Tickets' }));
    await user.type(await screen.findByRole('textbox', { name: 'Tickets subject value' }), '$.[[');
    await user.click(screen.getByTestId('save-playbook'));
    expect(await screen.findByText(/is not a valid JSONPath/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Tickets subject value' })).toHaveAttribute('aria-invalid', 'true');
    expect(api.createPlaybook).toHaveBeenCalledWith({
      name: 'Tickets in',
      integrationId: 'id-1',
      actionId: 'act-1',
      configurationId: '',
      params: {},
      blueprints: ['bp-1'],
      mappings: { 'bp-1': { subject: { kind: 'path', value: '$.[' } } },
    });
  });
});
