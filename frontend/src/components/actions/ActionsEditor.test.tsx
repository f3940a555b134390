import { notifications } from '@mantine/notifications';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../api';
import { ApiError } from '../../api/errors';
import { renderWithProviders } from '../../test/render';
import { ActionsEditor, PAGE_SIZE } from './ActionsEditor';

vi.mock('../../api', async () => (await import('../../test/apiMock')).apiMock());
// CodeMirror needs layout jsdom does not have; a textarea stands in for the JSON editor.
vi.mock('./JsonEditor', () => ({
  default: ({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) => (
    <textarea aria-label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)} />
  ),
}));

const m = {
  list: vi.mocked(api.listActions),
  add: vi.mocked(api.addAction),
  update: vi.mocked(api.updateAction),
  del: vi.mocked(api.deleteActions),
  restore: vi.mocked(api.restoreActions),
  preview: vi.mocked(api.previewActionRename),
  apply: vi.mocked(api.applyActionRename),
  undoRename: vi.mocked(api.undoActionRename),
  available: vi.mocked(api.orgMappingAvailable),
  getMapping: vi.mocked(api.getOrgMapping),
  types: vi.mocked(api.paginationTypes),
  fields: vi.mocked(api.paginationFields),
};

const integration: api.Integration = {
  id: 'i1',
  name: 'Photo Vendor',
  iconSvg: '',
  status: 'draft',
  actionCount: 3,
  updatedAt: new Date('2026-01-01T00:00:00Z'),
  description: 'Photos',
  hostname: 'api.example.com',
  authMethod: 'api_key',
  authDefaults: {} as api.AuthDefaults,
  pagination: { type: 'page' },
  finalizedAt: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
};

function action(i: number, over: Partial<api.Action> = {}): api.Action {
  return {
    id: `a${i}`,
    position: i,
    name: `Action ${i}`,
    description: '',
    method: 'GET',
    path: `/things/${i}`,
    parameters: [],
    tags: [],
    operationId: `op${i}`,
    requestContentType: '',
    deprecated: false,
    createdAt: '2026-01-01T00:00:00Z',
    paginated: false,
    ...over,
  };
}

const seed = (): api.Action[] => [
  action(0, { name: 'Photo Records Get', path: '/photos', tags: ['photos'], paginated: true }),
  action(1, { name: 'Album Create', method: 'POST', path: '/albums', tags: ['albums'] }),
  action(2, { name: 'Legacy Sync', method: 'PUT', path: '/sync', deprecated: true }),
];

/** A backend over an in-memory list that filters and pages as ListActions does. */
/** Serves seed() and lets deleteActions remove from it. */
function serveDeletable() {
  const store = { actions: seed() };
  serve(store);
  m.del.mockImplementation(async (_id, ids) => {
    const gone = store.actions.filter((a) => ids.includes(a.id));
    store.actions = store.actions.filter((a) => !ids.includes(a.id));
    return gone;
  });
  return store;
}

function serve(store: { actions: api.Action[] }) {
  m.list.mockImplementation(async (_id, q) => {
    const term = q.search.toLowerCase();
    const hits = store.actions.filter(
      (a) =>
        (!term || a.name.toLowerCase().includes(term) || a.path.toLowerCase().includes(term) || a.operationId.toLowerCase().includes(term)) &&
        (!q.method || a.method === q.method) &&
        (!q.tag || a.tags.includes(q.tag)) &&
        (q.paginated === '' || a.paginated === (q.paginated === 'yes')),
    );
    const tags = [...new Set(store.actions.flatMap((a) => a.tags))].sort();
    return { actions: hits.slice(q.offset, q.offset + q.limit), total: hits.length, tags };
  });
}

// jsdom lays nothing out, and the virtualiser renders no row in a list 0px high: give the
// list's scroller the height it has in the app.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.dataset.testid === 'actions-scroller' ? 480 : 0;
    },
  });
});
afterAll(() => {
  delete (HTMLElement.prototype as unknown as Record<string, unknown>).clientHeight;
});

beforeEach(() => {
  for (const fn of Object.values(m)) fn.mockReset();
  m.available.mockResolvedValue(false);
  m.getMapping.mockResolvedValue(null);
  notifications.clean();
});

function renderEditor(onActionsChanged = vi.fn()) {
  renderWithProviders(<ActionsEditor integration={integration} onActionsChanged={onActionsChanged} />);
  return { onActionsChanged };
}

const rows = () => screen.queryAllByTestId('action-row');

async function pick(user: ReturnType<typeof userEvent.setup>, label: string, option: string) {
  await user.click(screen.getByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('Actions editor', () => {
  it('lists the actions with method, path, tags and markers', async () => {
    serve({ actions: seed() });
    renderEditor();
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByTestId('actions-count')).toHaveTextContent('3 actions');
    const first = rows()[0];
    expect(first).toHaveAttribute('data-id', 'a0');
    expect(within(first).getByText('/photos')).toBeInTheDocument();
    expect(within(first).getByText('Paginated')).toBeInTheDocument();
    expect(within(rows()[2]).getByText('Deprecated')).toBeInTheDocument();
    expect(m.list).toHaveBeenCalledWith('i1', { search: '', method: '', tag: '', paginated: '', offset: 0, limit: PAGE_SIZE });
  });

  it('sends the filters as the ActionQuery and counts the matches', async () => {
    const user = userEvent.setup();
    serve({ actions: seed() });
    renderEditor();
    await waitFor(() => expect(rows()).toHaveLength(3));

    await user.type(screen.getByLabelText('Search actions'), 'photo');
    await waitFor(() => expect(m.list).toHaveBeenLastCalledWith('i1', expect.objectContaining({ search: 'photo', offset: 0 })));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.getByTestId('actions-count')).toHaveTextContent('1 of 3 actions');
    await user.clear(screen.getByLabelText('Search actions'));
    await waitFor(() => expect(rows()).toHaveLength(3));

    await pick(user, 'Method', 'POST');
    await waitFor(() =>
      expect(m.list).toHaveBeenLastCalledWith('i1', { search: '', method: 'POST', tag: '', paginated: '', offset: 0, limit: PAGE_SIZE }),
    );
    await waitFor(() => expect(rows()).toHaveLength(1));

    await pick(user, 'Tag', 'albums');
    await waitFor(() => expect(m.list).toHaveBeenLastCalledWith('i1', expect.objectContaining({ method: 'POST', tag: 'albums' })));

    await pick(user, 'Pagination', 'Paginated');
    await waitFor(() =>
      expect(m.list).toHaveBeenLastCalledWith('i1', { search: '', method: 'POST', tag: 'albums', paginated: 'yes', offset: 0, limit: PAGE_SIZE }),
    );
    await waitFor(() => expect(screen.getByTestId('actions-no-match')).toBeInTheDocument());
    expect(screen.getByTestId('actions-count')).toHaveTextContent('0 of 3 actions');

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(m.list).toHaveBeenLastCalledWith('i1', { search: '', method: '', tag: '', paginated: '', offset: 0, limit: PAGE_SIZE });
  });

  it('explains an integration without actions and adds the first one in the drawer', async () => {
    const user = userEvent.setup();
    const store = { actions: [] as api.Action[] };
    serve(store);
    m.add.mockImplementation(async () => {
      const a = action(0, { name: 'New action 1', path: '/' });
      store.actions.push(a);
      return a;
    });
    const { onActionsChanged } = renderEditor();
    expect(await screen.findByTestId('actions-empty')).toHaveTextContent('No actions yet');
    await user.click(screen.getByRole('button', { name: 'Add your first action' }));
    expect(m.add).toHaveBeenCalledWith('i1');
    expect(await screen.findByTestId('action-drawer')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Name/)).toHaveValue('New action 1');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(onActionsChanged).toHaveBeenCalled();
  });

  it('deletes the selected actions after a confirm, and Undo restores them', async () => {
    const user = userEvent.setup();
    const store = serveDeletable();
    m.restore.mockImplementation(async (_id, back) => {
      store.actions = [...store.actions, ...back].sort((a, b) => a.position - b.position);
    });
    const { onActionsChanged } = renderEditor();
    await waitFor(() => expect(rows()).toHaveLength(3));

    await user.click(screen.getByLabelText('Select Album Create'));
    await user.click(screen.getByLabelText('Select Legacy Sync'));
    expect(screen.getByTestId('selected-count')).toHaveTextContent('2 selected');
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(await screen.findByRole('button', { name: 'Delete 2 actions' }));

    expect(m.del).toHaveBeenCalledWith('i1', ['a1', 'a2']);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(await screen.findByText('Deleted 2 actions')).toBeInTheDocument();
    expect(onActionsChanged).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(m.restore).toHaveBeenCalledWith('i1', [seed()[1], seed()[2]]));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(onActionsChanged).toHaveBeenCalledTimes(2);
  });

  it('deletes one action without a confirm and shows a refusal', async () => {
    const user = userEvent.setup();
    serve({ actions: seed() });
    m.del.mockRejectedValue(
      new ApiError('conflict', '"Photo Records Get" lists the vendor\'s organisations for the organisation mapping; choose another action there before deleting it.'),
    );
    renderEditor();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.click(screen.getByLabelText('Select Photo Records Get'));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(m.del).toHaveBeenCalledWith('i1', ['a0']);
    expect(await screen.findByText(/choose another action there before deleting it/)).toBeInTheDocument();
    expect(rows()).toHaveLength(3);
  });

  it("deletes from a row's own button, without opening it, with undo", async () => {
    const user = userEvent.setup();
    serveDeletable();
    m.restore.mockResolvedValue();
    renderEditor();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Delete action Album Create' }));
    expect(m.del).toHaveBeenCalledWith('i1', ['a1']);
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(screen.queryByTestId('action-drawer')).not.toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(m.restore).toHaveBeenCalledWith('i1', [seed()[1]]));
  });

  it('shows a field error from updateAction under its field', async () => {
    const user = userEvent.setup();
    serve({ actions: seed() });
    m.update.mockRejectedValue(
      new ApiError('invalid', "The path \"photos\" must start with '/', e.g. /users/{id}; the hostname is the integration's.", 'action.path'),
    );
    renderEditor();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.click(within(rows()[0]).getByText('Photo Records Get'));
    const path = await screen.findByLabelText('Path');
    await user.clear(path);
    await user.type(path, 'photos');
    await user.click(screen.getByRole('button', { name: 'Save action' }));

    await waitFor(() => expect(path).toHaveAttribute('aria-invalid', 'true'));
    const error = screen.getByText(/must start with '\/'/);
    expect(path.getAttribute('aria-describedby')).toContain(error.id);
    expect(m.update).toHaveBeenCalledWith('i1', expect.objectContaining({ id: 'a0', path: 'photos' }));
    // The drawer stays open with what was typed.
    expect(screen.getByTestId('action-drawer')).toBeInTheDocument();
  });

  it('shows invalid JSON with its line and column and sends nothing', async () => {
    const user = userEvent.setup();
    serve({ actions: seed() });
    renderEditor();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.click(within(rows()[1]).getByText('Album Create'));
    const params = await screen.findByRole('textbox', { name: 'Parameters' });
    fireEvent.change(params, { target: { value: '[\n  {"name": "id",}\n]' } });
    expect(await screen.findByText(/Line 2, column 17/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save action' }));
    expect(m.update).not.toHaveBeenCalled();
  });

  it('saves the paginated flag and a pagination override, and reports a pagination field error', async () => {
    const user = userEvent.setup();
    serve({ actions: seed() });
    m.types.mockResolvedValue([
      { type: 'none', label: 'No pagination', guidance: '' },
      { type: 'page', label: 'Page', guidance: 'Page numbers.' },
      { type: 'pointer', label: 'Pointer', guidance: 'Cursors.' },
    ]);
    m.fields.mockImplementation(async (type) =>
      type === 'pointer'
        ? [
            { name: 'results_key', label: 'Results Key', help: '' },
            { name: 'default_page_size', label: 'Default Page Size', help: '' },
            { name: 'after_param', label: 'After Param', help: '' },
            { name: 'pointer_path', label: 'Pointer JSONPath', help: '' },
          ]
        : [{ name: 'page_param', label: 'Page Param', help: '' }],
    );
    m.update.mockRejectedValueOnce(new ApiError('invalid', 'After Param is required for pointer pagination.', 'action.pagination.after_param'));
    m.update.mockImplementation(async (_id, a) => a);
    const { onActionsChanged } = renderEditor();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.click(within(rows()[1]).getByText('Album Create'));

    await user.click(await screen.findByRole('switch', { name: 'Paginated' }));
    await user.click(screen.getByLabelText("Override the integration's pagination"));
    await waitFor(() => expect(m.fields).toHaveBeenCalledWith('page', ''));
    await pick(user, 'Pagination type', 'Pointer');
    await user.type(await screen.findByLabelText('Pointer JSONPath'), '$.meta.next');
    await user.click(screen.getByRole('button', { name: 'Save action' }));
    const after = screen.getByLabelText('After Param');
    await waitFor(() => expect(after).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('After Param is required for pointer pagination.')).toBeInTheDocument();

    await user.type(after, 'after');
    await user.click(screen.getByRole('button', { name: 'Save action' }));
    await waitFor(() => expect(screen.queryByTestId('action-drawer')).not.toBeInTheDocument());
    expect(m.update).toHaveBeenLastCalledWith(
      'i1',
      expect.objectContaining({ id: 'a1', paginated: true, pagination: { type: 'pointer', after_param: 'after', pointer_path: '$.meta.next' } }),
    );
    expect(onActionsChanged).toHaveBeenCalled();
  });

  it('asks before closing the drawer with unsaved changes', async () => {
    const user = userEvent.setup();
    serve({ actions: seed() });
    renderEditor();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.click(within(rows()[0]).getByText('Photo Records Get'));
    await user.type(await screen.findByLabelText(/^Name/), ' v2');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Discard your changes?')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByLabelText(/^Name/)).toHaveValue('Photo Records Get v2');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(await screen.findByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(screen.queryByTestId('action-drawer')).not.toBeInTheDocument());
    expect(m.update).not.toHaveBeenCalled();
  });

  it('regex-renames the selected actions and Undo takes the rename back', async () => {
    const user = userEvent.setup();
    serve({ actions: seed() });
    const change = { actionId: 'a0', field: 'name' as const, before: 'Photo Records Get', after: 'Get Photo Records' };
    m.preview.mockResolvedValue([change]);
    m.apply.mockResolvedValue([change]);
    m.undoRename.mockResolvedValue(undefined);
    renderEditor();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.click(screen.getByLabelText('Select Photo Records Get'));
    await user.click(screen.getByRole('button', { name: 'Regex replace' }));
    await user.type(await screen.findByLabelText('Pattern'), '(.*?) Get');
    await user.type(screen.getByLabelText('Replace with'), 'Get $1');
    await waitFor(() => expect(m.preview).toHaveBeenCalledWith('i1', expect.objectContaining({ actionIds: ['a0'] })));
    await user.click(await screen.findByRole('button', { name: /Replace 1/ }));

    expect(await screen.findByText('Renamed 1 action')).toBeInTheDocument();
    const calls = m.list.mock.calls.length;
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(m.undoRename).toHaveBeenCalledWith('i1', [change]));
    await waitFor(() => expect(m.list.mock.calls.length).toBeGreaterThan(calls));
  });

  it('renders only a window of a 10,000-action list and fetches it a page at a time', async () => {
    const store = { actions: Array.from({ length: 10_000 }, (_, i) => action(i)) };
    serve(store);
    renderEditor();
    await waitFor(() => expect(screen.getByTestId('actions-count')).toHaveTextContent('10,000 actions'));
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(rows().length).toBeLessThan(100);
    expect(screen.getByRole('table', { name: 'Actions' })).toHaveAttribute('aria-rowcount', '10001');
    expect(m.list.mock.calls.every(([, q]) => q.limit === PAGE_SIZE)).toBe(true);
    expect(m.list.mock.calls.length).toBeLessThanOrEqual(2);

    // Scrolling far down asks for the page there, not for everything before it.
    const scroller = screen.getByTestId('actions-scroller');
    await act(async () => {
      scroller.scrollTop = 5000 * 44;
      scroller.dispatchEvent(new Event('scroll'));
    });
    await waitFor(() => expect(m.list).toHaveBeenCalledWith('i1', expect.objectContaining({ offset: 25 * PAGE_SIZE })));
    expect(m.list.mock.calls.length).toBeLessThanOrEqual(5);
    await waitFor(() => expect(screen.getAllByTestId('action-row').some((r) => r.getAttribute('data-id') === 'a5000')).toBe(true));
    expect(rows().length).toBeLessThan(100);
  });

  it('shows the organization mapping once an action is paginated', async () => {
    const user = userEvent.setup();
    serve({ actions: seed() });
    m.available.mockResolvedValueOnce(false).mockResolvedValue(true);
    m.update.mockImplementation(async (_id, a) => a);
    renderEditor();
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.queryByTestId('org-mapping')).not.toBeInTheDocument();
    await user.click(within(rows()[1]).getByText('Album Create'));
    await user.click(await screen.findByRole('switch', { name: 'Paginated' }));
    await user.click(screen.getByRole('button', { name: 'Save action' }));
    expect(await screen.findByTestId('org-mapping')).toHaveTextContent('Organization mapping');
  });
});
