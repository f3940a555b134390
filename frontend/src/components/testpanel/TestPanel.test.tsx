import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../api';
import { ApiError } from '../../api/errors';
import { integration as integrationFixture } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { bodySkeleton, paramFields } from './params';
import { TestPanel } from './TestPanel';

vi.mock('../../api', async () => (await import('../../test/apiMock')).apiMock());
// CodeMirror needs layout jsdom does not have: plain elements stand in for the editors.
vi.mock('../actions/JsonEditor', () => ({
  default: ({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) => (
    <textarea aria-label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)} />
  ),
}));
vi.mock('./CodeView', () => ({
  default: ({ label, value }: { label: string; value: string }) => <pre aria-label={label}>{value}</pre>,
}));
vi.mock('./RunCompare', () => ({
  default: ({ left, right }: { left: string; right: string }) => (
    <div data-testid="run-compare">
      <pre data-testid="compare-left">{left}</pre>
      <pre data-testid="compare-right">{right}</pre>
    </div>
  ),
}));

const m = vi.mocked(api);

const integration = integrationFixture({ id: 'i1', name: 'Helpdesk', hostname: 'api.helpdesk.test', authMethod: 'api_key', pagination: { type: 'page' } });

function action(overrides: Partial<api.Action> = {}): api.Action {
  return {
    id: 'a1',
    position: 0,
    name: 'List tickets',
    description: 'Lists tickets.',
    method: 'GET',
    path: '/orgs/{org}/tickets',
    parameters: [
      { name: 'org', in: 'path', required: true, description: 'The organisation.', schema: { type: 'string' } },
      { name: 'status', in: 'query', required: true, schema: { type: 'string', enum: ['open', 'closed'] } },
      { name: 'per_page', in: 'query', required: false, schema: { type: 'integer', default: 50 }, description: 'Items per page.' },
      { name: 'archived', in: 'query', required: false, schema: { type: 'boolean' } },
      { name: 'X-Trace', in: 'header', required: false, default: 'studio' },
    ],
    tags: [],
    operationId: 'listTickets',
    requestContentType: '',
    deprecated: false,
    createdAt: '2026-01-01T00:00:00Z',
    paginated: true,
    ...overrides,
  };
}

function configuration(overrides: Partial<api.Configuration> = {}): api.Configuration {
  return {
    id: 'c1',
    integrationId: 'i1',
    name: 'Acme',
    organization: 'Acme',
    username: '',
    clientId: '',
    redirectPort: 0,
    overrides: {},
    secretFields: ['api_key'],
    status: { method: 'api_key', state: 'ready', authenticated: true, expiresAt: null, lastError: '' },
    originChange: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  };
}

function page(overrides: Partial<api.PageTrace> = {}): api.PageTrace {
  return { number: 1, url: 'https://api.helpdesk.test/orgs/acme/tickets?page=1', method: 'GET', status: 200, durationMs: 120, items: 2, stop: '', retries: 0, ...overrides };
}

function run(overrides: Partial<api.Run> = {}): api.Run {
  return {
    id: 'r1',
    integrationId: 'i1',
    actionId: 'a1',
    actionName: 'List tickets',
    configurationId: 'c1',
    startedAt: new Date('2026-03-01T10:00:00Z'),
    durationMs: 260,
    pagination: 'page',
    complete: true,
    stopReason: 'fewer items than the page size',
    error: null,
    items: [{ id: 1, subject: 'Printer' }, { id: 2, subject: 'Laptop' }, { id: 3, subject: 'VPN' }],
    itemCount: 3,
    pages: [page(), page({ number: 2, durationMs: 140, items: 1, stop: 'fewer items than the page size', url: 'https://api.helpdesk.test/orgs/acme/tickets?page=2' })],
    transcript: [
      {
        page: 1,
        attempt: 1,
        method: 'GET',
        url: 'https://api.helpdesk.test/orgs/acme/tickets?page=1',
        requestHeaders: { Accept: 'application/json', 'X-Api-Key': '****' },
        requestBody: '',
        status: 200,
        statusText: '200 OK',
        responseHeaders: { 'Content-Type': 'application/json' },
        responseBody: '[\n  {"id": 1}\n]',
        bodyBytes: 14,
        truncated: false,
        durationMs: 120,
        error: '',
      },
    ],
    curl: "curl -H 'X-Api-Key: ****' 'https://api.helpdesk.test/orgs/acme/tickets?page=1'",
    ...overrides,
  };
}

let pageListener: ((p: api.RunPage) => void) | null = null;

function setup({ a = action(), it = integration, configs = [configuration()] } = {}) {
  m.listConfigurations.mockResolvedValue(configs);
  m.listRuns.mockResolvedValue([]);
  m.cancelRun.mockResolvedValue(true);
  m.onRunPage.mockImplementation((cb) => {
    pageListener = cb;
    return () => {
      pageListener = null;
    };
  });
  const onClose = vi.fn();
  const onOpenConfigurations = vi.fn();
  renderWithProviders(<TestPanel integration={it} action={a} onClose={onClose} onOpenConfigurations={onOpenConfigurations} />);
  return { onClose, onOpenConfigurations };
}

async function ready() {
  await waitFor(() => expect(screen.getByTestId('test-run')).toBeEnabled());
}

// jsdom has no layout: the items list's scroller gets a viewport-sized box so the virtualizer
// renders a window of rows.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.dataset.testid === 'items-scroller' ? 560 : 0;
    },
  });
});
afterAll(() => {
  delete (HTMLElement.prototype as unknown as Record<string, unknown>).clientHeight;
});

beforeEach(() => {
  vi.clearAllMocks();
  pageListener = null;
});

describe('the Test panel form', () => {
  it('is generated from the parameters: grouped by location, required marked, enums and booleans as selects, defaults filled', async () => {
    setup();
    expect(screen.getByTestId('test-panel-title')).toHaveTextContent('Test List tickets');
    await ready();
    const path = screen.getByTestId('params-path');
    const org = within(path).getByRole('textbox', { name: /^org/ });
    expect(org).toBeRequired();
    expect(within(path).getByText('The organisation.')).toBeInTheDocument();

    const query = screen.getByTestId('params-query');
    const status = within(query).getByRole('combobox', { name: /^status/ });
    expect(status).toBeRequired();
    await userEvent.click(status);
    expect(await screen.findByRole('option', { name: 'open' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'closed' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('option', { name: 'closed' }));
    expect(status).toHaveValue('closed');

    expect(within(query).getByRole('textbox', { name: /^per_page/ })).toHaveValue('50');
    expect(within(query).getByText('Items per page.')).toBeInTheDocument();
    await userEvent.click(within(query).getByRole('combobox', { name: /^archived/ }));
    expect(await screen.findByRole('option', { name: 'true' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'false' })).toBeInTheDocument();

    expect(within(screen.getByTestId('params-header')).getByRole('textbox', { name: /^X-Trace/ })).toHaveValue('studio');
    // A GET without a body schema has no body editor; a paginated action offers max pages.
    expect(screen.queryByRole('textbox', { name: 'Request body' })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Max pages' })).toBeInTheDocument();
    // The first ready configuration is picked, with its status.
    expect(screen.getByTestId('test-configuration')).toHaveValue('Acme');
    expect(screen.getByTestId('configuration-status')).toHaveTextContent('Ready');
  });

  it('starts the body from the required properties of the body schema', () => {
    const a = action({
      method: 'POST',
      requestBody: {
        type: 'object',
        required: ['subject', 'priority', 'tags', 'requester'],
        properties: {
          subject: { type: 'string' },
          priority: { type: 'string', enum: ['low', 'high'] },
          tags: { type: 'array' },
          requester: { type: 'object', required: ['email'], properties: { email: { type: 'string' } } },
          note: { type: 'string' },
        },
      },
    });
    expect(JSON.parse(bodySkeleton(a))).toEqual({ subject: '', priority: 'low', tags: [], requester: { email: '' } });
    expect(bodySkeleton(action({ method: 'POST' }))).toBe('{}');
    expect(bodySkeleton(action())).toBe('');
    // A name used in two places is sent as "in.name".
    const twice = paramFields(action({ parameters: [{ name: 'id', in: 'query', required: false }, { name: 'id', in: 'header', required: false }] }));
    expect(twice.map((f) => f.key)).toEqual(['query.id', 'header.id']);
  });

  it('links to the Configurations tab when the integration needs credentials and has no configuration', async () => {
    const { onClose, onOpenConfigurations } = setup({ configs: [] });
    expect(await screen.findByTestId('no-configurations')).toHaveTextContent('No configuration yet');
    expect(screen.getByTestId('test-run')).toBeDisabled();
    await userEvent.click(screen.getByTestId('open-configurations'));
    expect(onClose).toHaveBeenCalled();
    expect(onOpenConfigurations).toHaveBeenCalled();
  });

  it('needs no configuration for No Auth', async () => {
    setup({ it: { ...integration, authMethod: 'none' }, configs: [], a: action({ parameters: [], path: '/tickets' }) });
    await ready();
    expect(screen.getByTestId('test-configuration')).toHaveValue('None (No Auth)');
    expect(screen.getByTestId('no-parameters')).toBeInTheDocument();
    m.runAction.mockResolvedValue(run());
    await userEvent.click(screen.getByTestId('test-run'));
    await waitFor(() => expect(m.runAction).toHaveBeenCalledWith(expect.objectContaining({ configurationId: '', params: {}, body: '', maxPages: 0 })));
  });
});

describe('running a test', () => {
  it('shows pages live from the event, then the result with items, trace picture and transcript', async () => {
    setup();
    await ready();
    await userEvent.type(screen.getByRole('textbox', { name: /^org/ }), 'acme');
    await userEvent.click(screen.getByRole('combobox', { name: /^status/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'open' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Max pages' }), '5');

    let finish: (r: api.Run) => void = () => {};
    m.runAction.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    await userEvent.click(screen.getByTestId('test-run'));
    expect(m.runAction).toHaveBeenCalledTimes(1);
    const req = m.runAction.mock.calls[0]![0];
    expect(req).toMatchObject({
      integrationId: 'i1',
      actionId: 'a1',
      configurationId: 'c1',
      params: { org: 'acme', status: 'open', per_page: '50', 'X-Trace': 'studio' },
      body: '',
      maxPages: 5,
    });
    expect(req.runId).not.toBe('');
    expect(await screen.findByTestId('test-running')).toHaveTextContent('Sending the first request…');
    expect(screen.getByTestId('test-cancel')).toBeInTheDocument();

    // Another run's pages are ignored; this run's show as they arrive.
    act(() => pageListener!({ runId: 'someone-else', page: page({ number: 9 }) }));
    act(() => pageListener!({ runId: req.runId, page: page({ url: '' }) }));
    act(() => pageListener!({ runId: req.runId, page: page({ number: 2, durationMs: 140, items: 1, url: '' }) }));
    const live = screen.getAllByTestId('live-page');
    expect(live).toHaveLength(2);
    expect(live[0]).toHaveTextContent('Page 1200120 ms · 2 items');
    expect(screen.getByTestId('test-running')).toHaveTextContent('Running · 2 pages · 3 items so far');

    await act(async () => finish(run()));
    expect(await screen.findByTestId('run-complete')).toHaveTextContent('Complete');
    expect(screen.getByTestId('run-stats')).toHaveTextContent('3 items · 2 pages · 260 ms');
    expect(screen.getByTestId('run-stop')).toHaveTextContent('Stopped: fewer items than the page size');
    expect(screen.queryByTestId('test-running')).not.toBeInTheDocument();
    expect(screen.queryByTestId('run-error')).not.toBeInTheDocument();

    // Items: one row per item, pretty JSON.
    const rows = screen.getAllByTestId('item-row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('"subject": "Laptop"');

    // Trace: one bar per page, labelled, and the table with why it stopped.
    await userEvent.click(screen.getByTestId('tab-trace'));
    const bars = screen.getAllByTestId('timeline-bar');
    expect(bars).toHaveLength(2);
    expect(bars[0]).toHaveTextContent('Page 1');
    expect(bars[0]).toHaveTextContent('200 · 120 ms · 2 items');
    expect(bars[1]).toHaveTextContent('200 · 140 ms · 1 item');
    expect(bars[0]).toHaveAttribute('data-status', 'ok');
    expect(screen.getByTestId('timeline-stop')).toHaveTextContent('Stopped: fewer items than the page size');
    expect(screen.getByRole('img', { name: /Page timeline: 2 pages in 260 ms/ })).toBeInTheDocument();
    const trace = screen.getAllByTestId('trace-row');
    expect(trace[1]).toHaveTextContent('tickets?page=2');
    expect(trace[1]).toHaveTextContent('fewer items than the page size');

    // Transcript: a single exchange is open, with its masked headers and body.
    await userEvent.click(screen.getByTestId('tab-transcript'));
    const ex = screen.getByTestId('exchange');
    expect(ex).toHaveTextContent('200 OK');
    expect(within(ex).getByRole('table', { name: 'Request headers' })).toHaveTextContent('X-Api-Key****');
    expect(await within(ex).findByLabelText('Response body')).toHaveTextContent('"id": 1');
  });

  it('copies the run as curl, saying credentials are masked', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    setup({ a: action({ parameters: [] }) });
    await ready();
    m.runAction.mockResolvedValue(run());
    await userEvent.click(screen.getByTestId('test-run'));
    await screen.findByTestId('run-summary');
    await userEvent.click(screen.getByTestId('tab-transcript'));
    const button = screen.getByTestId('copy-curl');
    await userEvent.hover(button);
    expect(await screen.findByText(/Credentials are masked/)).toBeInTheDocument();
    await userEvent.click(button);
    expect(writeText).toHaveBeenCalledWith("curl -H 'X-Api-Key: ****' 'https://api.helpdesk.test/orgs/acme/tickets?page=1'");
    expect(await screen.findByText('Copied')).toBeInTheDocument();
  });

  it('shows an input problem from the backend on its parameter, and sends with Ctrl+Enter', async () => {
    setup();
    await ready();
    m.runAction.mockRejectedValueOnce(new ApiError('invalid', 'The query parameter "status" is required (one of: open, closed).', 'params.status'));
    fireEvent.keyDown(screen.getByRole('textbox', { name: /^org/ }), { key: 'Enter', ctrlKey: true });
    expect(await screen.findByText('The query parameter "status" is required (one of: open, closed).')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /^status/ })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('run-summary')).not.toBeInTheDocument();

    m.runAction.mockRejectedValueOnce(new ApiError('invalid', 'The request body is not valid JSON.', 'body'));
    m.runAction.mockRejectedValueOnce(new ApiError('conflict', 'The hostname changed since the secrets were saved; confirm it.', 'origin'));
    await userEvent.click(screen.getByTestId('test-run'));
    // A GET has no body editor: the message still shows, above the form.
    await waitFor(() => expect(m.runAction).toHaveBeenCalledTimes(2));
    await userEvent.click(screen.getByTestId('test-run'));
    expect(await screen.findByText('The hostname changed since the secrets were saved; confirm it.')).toBeInTheDocument();
    expect(screen.getByTestId('open-configurations')).toBeInTheDocument();
  });

  it('shows a vendor failure in a red alert with its message', async () => {
    setup({ a: action({ parameters: [] }) });
    await ready();
    m.runAction.mockResolvedValue(
      run({
        complete: false,
        stopReason: '',
        error: { code: 'unavailable', message: 'Page 3: the vendor answered 500 Internal Server Error.' },
        pages: [page(), page({ number: 2 }), page({ number: 3, status: 500, items: 0 })],
      }),
    );
    await userEvent.click(screen.getByTestId('test-run'));
    expect(await screen.findByTestId('run-error')).toHaveTextContent('Page 3: the vendor answered 500 Internal Server Error.');
    expect(screen.getByTestId('run-complete')).toHaveTextContent('Incomplete');
    await userEvent.click(screen.getByTestId('tab-trace'));
    const bars = screen.getAllByTestId('timeline-bar');
    expect(bars).toHaveLength(3);
    expect(bars[2]).toHaveAttribute('data-status', 'server');
  });

  it('cancels a run in progress', async () => {
    setup({ a: action({ parameters: [] }) });
    await ready();
    m.runAction.mockImplementation(() => new Promise(() => {}));
    await userEvent.click(screen.getByTestId('test-run'));
    await userEvent.click(await screen.findByTestId('test-cancel'));
    expect(m.cancelRun).toHaveBeenCalledWith(m.runAction.mock.calls[0]![0].runId);
  });
});

describe('items', () => {
  it('renders only a window of 20,000 items', async () => {
    setup({ a: action({ parameters: [] }) });
    await ready();
    const items = Array.from({ length: 20_000 }, (_, i) => ({ id: i + 1, subject: `Ticket ${i + 1}` }));
    m.runAction.mockResolvedValue(run({ items, itemCount: items.length }));
    await userEvent.click(screen.getByTestId('test-run'));
    expect(await screen.findByTestId('items-count')).toHaveTextContent('20,000 items');
    const rows = screen.getAllByTestId('item-row');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]).toHaveTextContent('"subject": "Ticket 1"');
  });
});

describe('history', () => {
  it('opens a past run in the result view and compares two runs side by side', async () => {
    setup({ a: action({ parameters: [] }) });
    await ready();
    m.listRuns.mockResolvedValue([
      { id: 'r2', configurationId: 'c1', startedAt: new Date('2026-03-02T10:00:00Z'), complete: false, itemCount: 1 },
      { id: 'r1', configurationId: '', startedAt: new Date('2026-03-01T10:00:00Z'), complete: true, itemCount: 3 },
    ]);
    const older = run();
    const newer = run({ id: 'r2', complete: false, items: [{ id: 1, subject: 'Printer (fixed)' }], itemCount: 1, startedAt: new Date('2026-03-02T10:00:00Z') });
    m.getRun.mockImplementation(async (_i, id) => (id === 'r1' ? older : newer));
    await userEvent.click(screen.getByTestId('tab-history'));
    const rows = await screen.findAllByTestId('history-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Acme');
    expect(rows[0]).toHaveTextContent('Incomplete');
    expect(rows[1]).toHaveTextContent('No configuration');
    expect(rows[1]).toHaveTextContent('Complete');

    await userEvent.click(within(rows[1]!).getByText('No configuration'));
    expect(m.getRun).toHaveBeenCalledWith('i1', 'r1');
    expect(await screen.findByTestId('run-from-history')).toHaveTextContent('From the history');
    expect(screen.getByTestId('run-stats')).toHaveTextContent('3 items · 2 pages');
    expect(screen.getAllByTestId('item-row')).toHaveLength(3);

    await userEvent.click(screen.getByTestId('tab-history'));
    const again = await screen.findAllByTestId('history-row');
    expect(screen.getByTestId('compare-runs')).toBeDisabled();
    await userEvent.click(within(again[0]!).getByRole('checkbox'));
    await userEvent.click(within(again[1]!).getByRole('checkbox'));
    await userEvent.click(screen.getByTestId('compare-runs'));
    // The older run on the left.
    expect(await screen.findByTestId('compare-left')).toHaveTextContent('"subject": "Laptop"');
    expect(screen.getByTestId('compare-right')).toHaveTextContent('Printer (fixed)');
  });
});
